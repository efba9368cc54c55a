package org.vigie.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed rate-limit windows as the networks count them: {@code limit} calls per {@code window}
 * per key (token + endpoint). Thread-safe.
 */
public final class RateWindows {

	/** The state of a window after a call. {@code allowed} is false when the call is over the limit. */
	public record Window(int limit, int remaining, Instant reset, boolean allowed) {
	}

	private record Count(Instant start, int used) {
	}

	private final Map<String, Count> counts = new ConcurrentHashMap<>();

	public Window hit(String key, int limit, Duration window, Instant now) {
		Count c = counts.compute(key, (k, old) -> old == null || !now.isBefore(old.start().plus(window))
				? new Count(now, 1) : new Count(old.start(), old.used() + 1));
		Instant reset = c.start().plus(window);
		return new Window(limit, Math.max(0, limit - c.used()), reset, c.used() <= limit);
	}

	public void clear() {
		counts.clear();
	}
}
