package org.vigie.workspace;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are checked, for form login and the token endpoint alike: bcrypt hashes, and
 * authentication events published so that {@link VigieUserDetailsService} throttles guessing.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default, with the {id} prefix so that the algorithm can change later.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(VigieUserDetailsService users, PasswordEncoder passwords,
			ApplicationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}
}
