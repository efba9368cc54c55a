package org.vigie.trends.detect;

import java.util.Objects;

/**
 * Pattern novelty by online clustering: fuzzy ART with complement coding (Carpenter, Grossberg &amp;
 * Rosen, 1991) and the two vigilances of dual-vigilance fuzzy ART (da Silva, Elnabarawy &amp; Wunsch,
 * 2019), over the recent shape of a series. Implemented from the papers.
 *
 * <p>Each bucket, the last {@code window} values (the log-counts) are averaged into a few segments:
 * the pattern. Its features are normalised by the smallest and largest segment means seen so far
 * (no look-ahead: a live series has no known minimum or maximum). A category is a hyperbox of
 * patterns, which is what a complement-coded fuzzy ART weight is: its match with a pattern is
 * {@code 1 − size(box ∪ pattern) / segments} and its choice value {@code |I ∧ w| / (α + |w|)}. The
 * boxes are kept in log units and measured in the current normalisation, so that a widening range
 * does not invalidate what was learnt. A pattern that matches a category at the (upper) vigilance is
 * learnt into the best chosen one; otherwise it founds a new category. A pattern whose best match over
 * every category stays below the lower (alarm) vigilance is novel.
 *
 * <p>Constant memory: at most {@code categories} boxes of {@code segments} bounds each, plus the
 * window; when full, the category least recently learnt into is replaced. Not thread-safe: one
 * instance per series, fed in time order.
 */
final class PatternNovelty {

	/** Fuzzy ART's choice parameter: small, it favours the smaller of boxes that hold the pattern. */
	private static final double CHOICE = 1e-3;

	private final PatternSettings settings;

	private final int segments;

	private final int segmentLength;

	private final double[] window;

	private int filled;

	private int next;

	private final double[] lower;

	private final double[] upper;

	private final long[] used;

	private int count;

	private long clock;

	private double min = Double.POSITIVE_INFINITY;

	private double max = Double.NEGATIVE_INFINITY;

	private final double[] pattern;

	private double bestMatch = 1;

	/**
	 * @param settings the test's settings, on
	 * @param length the window in buckets, at least {@code settings.segments()}
	 */
	PatternNovelty(PatternSettings settings, int length) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.segments = settings.segments();
		this.segmentLength = Math.max(1, length / segments);
		this.window = new double[segmentLength * segments];
		this.lower = new double[settings.categories() * segments];
		this.upper = new double[settings.categories() * segments];
		this.used = new long[settings.categories()];
		this.pattern = new double[segments];
	}

	/**
	 * Takes the next value of the series (on the settings' scale) and says whether the recent pattern
	 * is novel: it matches no learnt category at the alarm vigilance (and, with {@code rising}, its
	 * newest segment lies above the closest category's). A series too young to judge (the window not
	 * full yet, no range, no category) counts as novel: the other gates judge it alone, as the score
	 * calibration does.
	 */
	boolean observe(double value) {
		clock++;
		window[next] = value;
		next = (next + 1) % window.length;
		filled = Math.min(filled + 1, window.length);
		bestMatch = 1;
		if (filled < window.length) {
			return true;
		}
		for (int s = 0; s < segments; s++) {
			double sum = 0;
			for (int i = 0; i < segmentLength; i++) {
				// Oldest first: segment 0 is the oldest, segment (segments − 1) the newest.
				sum += window[(next + s * segmentLength + i) % window.length];
			}
			pattern[s] = sum / segmentLength;
			min = Math.min(min, pattern[s]);
			max = Math.max(max, pattern[s]);
		}
		double range = max - min;
		if (!(range > 0)) {
			return true;
		}
		int best = -1;
		int chosen = -1;
		double chosenValue = Double.NEGATIVE_INFINITY;
		double bestValue = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < count; c++) {
			double size = 0;
			double grown = 0;
			for (int s = 0; s < segments; s++) {
				int at = c * segments + s;
				double x = pattern[s];
				size += upper[at] - lower[at];
				grown += Math.max(upper[at], x) - Math.min(lower[at], x);
			}
			double match = 1 - grown / range / segments;
			if (match > bestValue) {
				bestValue = match;
				best = c;
			}
			double choice = match * segments / (CHOICE + segments - size / range);
			if (match >= settings.vigilance() && choice > chosenValue) {
				chosenValue = choice;
				chosen = c;
			}
		}
		boolean novel = best < 0 || bestValue < settings.alarmVigilance();
		if (novel && best >= 0 && settings.rising()) {
			int newest = best * segments + segments - 1;
			novel = pattern[segments - 1] > upper[newest];
		}
		bestMatch = best < 0 ? 0 : bestValue;
		if (chosen >= 0) {
			learn(chosen);
		}
		else {
			found();
		}
		return novel;
	}

	/** The best match of the last pattern with a learnt category (1 when none could be judged). */
	double bestMatch() {
		return bestMatch;
	}

	/** How many categories are learnt, at most {@code settings.categories()}. */
	int categories() {
		return count;
	}

	private void learn(int c) {
		double rate = settings.learnRate();
		for (int s = 0; s < segments; s++) {
			int at = c * segments + s;
			double x = pattern[s];
			// Fuzzy ART's w ← β(I ∧ w) + (1 − β)w, for the box's two bounds.
			lower[at] += rate * (Math.min(lower[at], x) - lower[at]);
			upper[at] += rate * (Math.max(upper[at], x) - upper[at]);
		}
		used[c] = clock;
	}

	private void found() {
		int c = count;
		if (count < used.length) {
			count++;
		}
		else {
			c = 0;
			for (int i = 1; i < count; i++) {
				if (used[i] < used[c]) {
					c = i;
				}
			}
		}
		for (int s = 0; s < segments; s++) {
			lower[c * segments + s] = pattern[s];
			upper[c * segments + s] = pattern[s];
		}
		used[c] = clock;
	}
}
