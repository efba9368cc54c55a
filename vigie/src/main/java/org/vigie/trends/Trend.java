package org.vigie.trends;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A detected trend and what explains it: when it started, how big it is, the terms that drive it,
 * and sample items.
 *
 * @param show the show it concerns, if any (network-wide series have none)
 * @param kind volume spike, emerging terms or sentiment shift
 * @param open true while the event goes on
 * @param peakScore the highest score so far (standard deviations above expected)
 * @param observed items in the peak bucket (for a sentiment shift: the negative share, 0–1)
 * @param expected what the baseline expected there (for a sentiment shift: the usual share)
 * @param inAiring true if it started during an airing (or its afterglow)
 * @param terms the terms that drive it, strongest first
 * @param samples a few items that show it
 * @param alertedAt when its alert went out; null if it stayed under the show's threshold
 */
public record Trend(String id, SeriesKey series, @Nullable String show, TrendKind kind, boolean open,
		Instant startedAt, Instant updatedAt, @Nullable Instant endedAt, double peakScore, double observed,
		double expected, boolean inAiring, List<String> terms, List<Sample> samples, @Nullable Instant alertedAt) {

	/** One item quoted as an example. Its text is untrusted and always escaped when shown. */
	public record Sample(String itemId, String author, String text, Instant at) {
	}

	public Trend {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(series, "series");
		Objects.requireNonNull(kind, "kind");
		terms = List.copyOf(terms);
		samples = List.copyOf(samples);
	}

	/** How many times the expected volume was observed; for a sentiment shift, the jump in share. */
	public double magnitude() {
		if (kind == TrendKind.SENTIMENT) {
			return observed - expected;
		}
		return observed / Math.max(expected, 1);
	}
}
