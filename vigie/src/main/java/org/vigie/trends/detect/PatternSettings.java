package org.vigie.trends.detect;

import java.time.Duration;
import java.util.Objects;

/**
 * How the pattern-novelty test of a {@link SpikeDetector} judges a series (see {@link PatternNovelty}):
 * the shape of the recent series, as a few averaged segments, is compared with the shapes learnt so
 * far by fuzzy ART; a bucket whose recent shape resembles none of them is novel. {@link #OFF} turns the
 * test off (the count score alone decides, as in the application's defaults).
 *
 * @param window how much of the recent series is looked at (the last hours); zero turns the test off
 * @param segments into how many consecutive segments of equal length the window is averaged: the
 *        features of the pattern
 * @param vigilance how closely a pattern must match a learnt category to be learnt into it (fuzzy
 *        ART's vigilance, in [0, 1]); a pattern matching none becomes a new category
 * @param alarmVigilance a pattern whose best match with every learnt category stays below this is
 *        novel enough to alert (the lower vigilance of dual-vigilance fuzzy ART), at most
 *        {@code vigilance}
 * @param learnRate how far a category moves towards a pattern it learns (1 is fast learning)
 * @param categories at most this many categories are kept per series; when full, the one least
 *        recently matched is forgotten, so memory is constant
 * @param rising when true, only a novel pattern whose newest segment lies above what the best
 *        matching category holds there alerts: a novel lull is learnt, not reported
 * @param combined when true, a novel pattern must also pass the count score's own gates; when false
 *        the pattern novelty replaces them
 * @param scale what the patterns are made of: the counts themselves (a burst then stands out against
 *        the largest volumes seen, not the typical ones), {@code log(1 + count)}, or the square root of
 *        the counts (which makes counting noise the same at every level)
 */
public record PatternSettings(Duration window, int segments, double vigilance, double alarmVigilance,
		double learnRate, int categories, boolean rising, boolean combined, Scale scale) {

	/**
	 * The test as the application runs it: the last 6 hours of counts in 3 two-hour segments, fuzzy
	 * ART learning at vigilance 0.97 into at most 64 categories, novel below 0.968, any direction, on
	 * top of the count score's gates. Chosen on NAB realTweets' tuning tickers only, among the settings
	 * that stop alerting on a burst repeated daily (see docs/trends.md).
	 */
	public static final PatternSettings DEFAULTS = new PatternSettings(Duration.ofHours(6), 3, 0.97, 0.968, 1.0, 64,
			false, true, Scale.COUNTS);

	/** The test off. */
	public static final PatternSettings OFF = new PatternSettings(Duration.ZERO, 1, 0.9, 0.8, 1, 1, true, false,
			Scale.LOG);

	public PatternSettings {
		Objects.requireNonNull(window, "window");
		Objects.requireNonNull(scale, "scale");
		if (window.isNegative()) {
			throw new IllegalArgumentException("window must not be negative: " + window);
		}
		if (segments < 1 || categories < 1) {
			throw new IllegalArgumentException("Need at least one segment and one category");
		}
		if (!(vigilance > 0 && vigilance <= 1) || !(alarmVigilance > 0 && alarmVigilance <= vigilance)) {
			throw new IllegalArgumentException("Need 0 < alarmVigilance <= vigilance <= 1");
		}
		if (!(learnRate > 0 && learnRate <= 1)) {
			throw new IllegalArgumentException("Need 0 < learnRate <= 1");
		}
	}

	/** What the patterns are made of. */
	public enum Scale {
		/** The counts. */
		COUNTS,
		/** {@code log(1 + count)}. */
		LOG,
		/** {@code sqrt(count)}: Poisson noise has about the same spread at every level. */
		SQRT;

		double of(double count) {
			return switch (this) {
				case COUNTS -> count;
				case LOG -> Math.log1p(count);
				case SQRT -> Math.sqrt(count);
			};
		}
	}

	/** True when the test runs. */
	public boolean on() {
		return !window.isZero();
	}
}
