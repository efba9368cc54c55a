package org.vigie.web;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** Clock, language and other shell-wide beans. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	LocaleResolver localeResolver(ViewerSource viewers) {
		return new VigieLocaleResolver(viewers);
	}

	/** The one clock of the application: tests replace it to move time instead of sleeping. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
