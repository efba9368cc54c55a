package org.vigie.listen.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigie.web.NavEntry;

@Configuration(proxyBeanMethods = false)
class ListeningNav {

	@Bean
	NavEntry listeningNavEntry() {
		return new NavEntry("/listening", "nav.listening", 20, "l");
	}
}
