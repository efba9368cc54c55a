package org.vigie.workspace.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigie.web.NavEntry;

@Configuration(proxyBeanMethods = false)
class SettingsNav {

	@Bean
	NavEntry settingsNavEntry() {
		return new NavEntry("/settings", "nav.settings", 90, "s");
	}
}
