package org.vigie.ingest;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delays between polls: a steady interval when a feed is caught up, exponential growth with a cap
 * after failures, both spread by jitter. Pure; thread-safe if the random generator is.
 */
final class Backoff {

	private final Duration interval;

	private final Duration base;

	private final Duration cap;

	private final double jitter;

	private final RandomGenerator random;

	Backoff(Duration interval, Duration base, Duration cap, double jitter, RandomGenerator random) {
		this.interval = interval;
		this.base = base;
		this.cap = cap;
		this.jitter = jitter;
		this.random = random;
	}

	/** The wait before the next routine poll: the interval ± jitter. */
	Duration steady() {
		return spread(interval.toMillis());
	}

	/**
	 * The wait after {@code failures} consecutive failures (1 for the first): base × 2^(failures-1),
	 * spread by jitter, never more than the cap.
	 */
	Duration afterFailures(int failures) {
		int exponent = Math.max(0, Math.min(failures - 1, 30));
		double raw = Math.min((double) cap.toMillis(), base.toMillis() * Math.pow(2, exponent));
		Duration spread = spread((long) raw);
		return spread.compareTo(cap) > 0 ? cap : spread;
	}

	private Duration spread(long millis) {
		double factor = 1 + jitter * (2 * random.nextDouble() - 1);
		return Duration.ofMillis(Math.max(0, Math.round(millis * factor)));
	}
}
