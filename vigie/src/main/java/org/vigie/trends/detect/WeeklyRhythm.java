package org.vigie.trends.detect;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The weekly rhythm of a series, in log space relative to its level: an hour-of-day profile that is
 * usable after one day, refined by an hour-of-week correction once a week has been seen (fans are
 * not online on Sunday morning as on Tuesday evening). An hour's profile starts as the mean of its
 * first visit (an hour's worth of buckets) and is used only once that visit is complete, so that
 * where a series starts within the hour does not matter, and a burst that happens to fall at the
 * start of an hour not seen yet does not become that hour's normal at once. Not thread-safe.
 */
final class WeeklyRhythm {

	private final double[] daily = new double[24];

	private final double[] weekly = new double[168];

	private final int[] dailySeen = new int[24];

	private final int[] weeklySeen = new int[168];

	private final double rate;

	private final double bucketsPerHour;

	private final ZoneId zone;

	WeeklyRhythm(Duration bucket, double learnRate, ZoneId zone) {
		this.bucketsPerHour = Math.max(1.0, 3_600_000.0 / bucket.toMillis());
		// One visit of an hour slot spans several buckets: spread the per-visit rate over them.
		this.rate = 1 - Math.pow(1 - learnRate, 1 / bucketsPerHour);
		this.zone = zone;
	}

	/** Expected offset from the level at {@code t}; 0 until a whole visit of that hour has been seen. */
	double offset(Instant t) {
		ZonedDateTime at = t.atZone(zone);
		int h = at.getHour();
		int w = (at.getDayOfWeek().getValue() - 1) * 24 + h;
		double value = dailySeen[h] >= bucketsPerHour ? daily[h] : 0;
		return weeklySeen[w] > 0 ? value + weekly[w] : value;
	}

	/** Learns that the series sat {@code deviation} above its level at {@code t}. */
	void learn(Instant t, double deviation) {
		ZonedDateTime at = t.atZone(zone);
		int h = at.getHour();
		int w = (at.getDayOfWeek().getValue() - 1) * 24 + h;
		double week = weeklySeen[w] > 0 ? weekly[w] : 0;
		// During the first visit every bucket weighs the same; one bucket alone is noise, or a burst.
		double weight = dailySeen[h] < bucketsPerHour ? 1.0 / (dailySeen[h] + 1) : rate;
		daily[h] += weight * (deviation - week - daily[h]);
		dailySeen[h]++;
		// The hour-of-week correction starts once the hour-of-day profile has a week behind it.
		if (dailySeen[h] / bucketsPerHour >= 7) {
			weekly[w] += rate * 2 * (deviation - daily[h] - weekly[w]);
			weeklySeen[w]++;
		}
	}
}
