package org.vigie.enrich;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the one shared {@link Enricher} from the settings. */
@Configuration(proxyBeanMethods = false)
class EnrichConfiguration {

	@Bean
	Enricher enricher(EnrichSettings settings) {
		return Enricher.load(settings.policy());
	}
}
