package org.vigie;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application's clock by a {@link MutableClock} at a whole second, for tests that move time. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	public MutableClock testClock() {
		return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}
}
