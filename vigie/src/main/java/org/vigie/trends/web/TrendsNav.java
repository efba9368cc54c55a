package org.vigie.trends.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigie.web.NavEntry;

@Configuration(proxyBeanMethods = false)
class TrendsNav {

	@Bean
	NavEntry trendsNavEntry() {
		return new NavEntry("/trends", "nav.trends", 30, "t");
	}
}
