package org.vigie.ingest;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(15), 0.2,
			new Random(7));

	@Test
	void spreadsTheSteadyIntervalByTheJitter() {
		for (int i = 0; i < 200; i++) {
			assertThat(backoff.steady().toMillis()).isBetween(24_000L, 36_000L);
		}
	}

	@Test
	void doublesWithEachFailure() {
		for (int failures = 1; failures <= 6; failures++) {
			long expected = 5_000L << (failures - 1);
			assertThat(backoff.afterFailures(failures).toMillis()).isBetween((long) (expected * 0.8), (long) (expected * 1.2));
		}
	}

	@Test
	void neverWaitsLongerThanTheCap() {
		for (int failures = 8; failures < 100; failures++) {
			assertThat(backoff.afterFailures(failures)).isLessThanOrEqualTo(Duration.ofMinutes(15));
		}
		assertThat(backoff.afterFailures(40).toMillis()).isGreaterThanOrEqualTo((long) (15 * 60_000 * 0.8));
	}
}
