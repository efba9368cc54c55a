package org.vigie.trends.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Detects the mood turning: the share of negative items over a short recent window jumping above
 * its own long-run share. The test is a one-sided binomial z-score, so that three angry messages
 * out of five are not a crisis while three hundred out of five hundred are. Grouped into events
 * like volume spikes. Not thread-safe: one instance per series, fed bucket by bucket in time order.
 */
public final class SentimentShift {

	/** Judgement of one bucket. */
	public record Verdict(Instant bucketStart, double share, double baseline, double score, int items, Signal signal) {
	}

	private final double minJump;

	private final int minItems;

	private final int windowBuckets;

	private final double baselineRate;

	private final EventTracker events;

	private final Deque<int[]> window = new ArrayDeque<>();

	private double negativeSum;

	private double itemSum;

	/**
	 * @param threshold z-score that opens an event
	 * @param minJump the recent share must exceed the baseline by at least this (0.15 = 15 points)
	 * @param minItems items needed in the recent window before judging
	 * @param window how many buckets make the recent window
	 * @param baselineHalfLifeBuckets how fast the long-run share follows, in buckets
	 * @param cooldown calm needed before an event is over
	 */
	public SentimentShift(double threshold, double minJump, int minItems, int window, double baselineHalfLifeBuckets,
			Duration cooldown) {
		if (window < 1 || minItems < 1 || !(baselineHalfLifeBuckets > 0)) {
			throw new IllegalArgumentException("window, minItems and half-life must be positive");
		}
		this.minJump = minJump;
		this.minItems = minItems;
		this.windowBuckets = window;
		this.baselineRate = 1 - Math.pow(0.5, 1 / baselineHalfLifeBuckets);
		this.events = new EventTracker(threshold, Objects.requireNonNull(cooldown, "cooldown"));
	}

	/** Defaults: 6 buckets of recent window, 15-point jump, 20 items, a baseline of about two days of 5-minute buckets. */
	public static SentimentShift withDefaults() {
		return new SentimentShift(4.0, 0.15, 20, 6, 576, Duration.ofMinutes(30));
	}

	/** Judges one bucket holding {@code negative} negative items out of {@code items} with a sentiment. */
	public Verdict observe(Instant t, int negative, int items) {
		if (negative < 0 || items < negative) {
			throw new IllegalArgumentException("0 <= negative <= items");
		}
		window.addLast(new int[] { negative, items });
		if (window.size() > windowBuckets) {
			window.removeFirst();
		}
		int neg = 0;
		int n = 0;
		for (int[] b : window) {
			neg += b[0];
			n += b[1];
		}
		double share = n == 0 ? 0 : (double) neg / n;
		boolean learnt = itemSum >= minItems * 3;
		double p0 = learnt ? negativeSum / itemSum : share;
		// A floor on the baseline share keeps a spotless history from making one complaint a shift.
		double p = Math.max(0.05, Math.min(0.95, p0));
		double score = n == 0 ? 0 : (share - p0) / Math.sqrt(p * (1 - p) / n);
		boolean hot = learnt && n >= minItems && share - p0 >= minJump;
		Signal signal = events.step(t, score, hot);
		// The baseline learns from calm buckets only: a crisis must not become the norm while it lasts.
		if (signal != Signal.OPENED && signal != Signal.CONTINUED) {
			negativeSum = negativeSum * (1 - baselineRate) + negative;
			itemSum = itemSum * (1 - baselineRate) + items;
		}
		return new Verdict(t, share, p0, score, n, signal);
	}
}
