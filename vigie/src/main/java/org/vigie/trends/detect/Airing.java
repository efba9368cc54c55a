package org.vigie.trends.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One broadcast of a show, as the detectors see it.
 *
 * @param programme what airs, used to compare an airing with past airings of the same programme;
 *        any stable key (a show id, a normalised title)
 */
public record Airing(Instant start, Instant end, String programme) {

	public Airing {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(programme, "programme");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("An airing ends after it starts: " + start + " → " + end);
		}
	}

	/** True if {@code t} falls in the airing or in the {@code afterglow} that follows it. */
	public boolean covers(Instant t, Duration afterglow) {
		return !t.isBefore(start) && t.isBefore(end.plus(afterglow));
	}

	public Duration duration() {
		return Duration.between(start, end);
	}
}
