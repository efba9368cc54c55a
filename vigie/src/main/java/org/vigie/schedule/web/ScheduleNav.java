package org.vigie.schedule.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigie.web.NavEntry;

@Configuration(proxyBeanMethods = false)
class ScheduleNav {

	@Bean
	NavEntry scheduleNavEntry() {
		return new NavEntry("/schedule", "nav.schedule", 45, "");
	}
}
