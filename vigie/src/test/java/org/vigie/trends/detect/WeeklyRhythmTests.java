package org.vigie.trends.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class WeeklyRhythmTests {

	private static final Instant EIGHT = Instant.parse("2026-11-26T08:00:00Z");

	private static final Duration BUCKET = Duration.ofMinutes(5);

	private final WeeklyRhythm rhythm = new WeeklyRhythm(BUCKET, 0.1, ZoneId.of("UTC"));

	@Test // GH-8
	void theFirstBucketOfAnHourIsNotYetThatHoursRhythm() {
		// A burst in the first bucket of an hour never seen before.
		rhythm.learn(EIGHT, 1.5);
		assertThat(rhythm.offset(EIGHT.plus(BUCKET))).isZero();
	}

	@Test // GH-8
	void anHourIsUsedOnceAWholeVisitOfItHasBeenSeen() {
		for (int i = 0; i < 11; i++) {
			rhythm.learn(EIGHT.plus(BUCKET.multipliedBy(i)), 0.6);
		}
		assertThat(rhythm.offset(EIGHT.plus(BUCKET.multipliedBy(11)))).isZero();
		rhythm.learn(EIGHT.plus(BUCKET.multipliedBy(11)), 0.6);
		assertThat(rhythm.offset(EIGHT.plus(Duration.ofDays(1)))).isCloseTo(0.6, within(1e-9));
	}

	@Test // GH-8
	void anHoursRhythmStartsAsTheMeanOfItsFirstVisit() {
		// Two loud buckets at the start of the hour, then ten ordinary ones.
		rhythm.learn(EIGHT, 1.5);
		rhythm.learn(EIGHT.plus(BUCKET), 1.5);
		for (int i = 2; i < 12; i++) {
			rhythm.learn(EIGHT.plus(BUCKET.multipliedBy(i)), 0);
		}
		assertThat(rhythm.offset(EIGHT.plus(Duration.ofDays(1)))).isCloseTo(0.25, within(1e-9));
	}

	@Test // GH-8
	void whereASeriesStartsWithinTheHourDoesNotChangeTheHoursRhythm() {
		// The first five minutes of the hour are busier; a series may start at any bucket of it.
		double[] rhythms = new double[12];
		for (int first = 0; first < 12; first++) {
			WeeklyRhythm learnt = new WeeklyRhythm(BUCKET, 0.1, ZoneId.of("UTC"));
			for (int i = first; i < first + 12; i++) {
				Instant t = EIGHT.plus(Duration.ofDays(i / 12)).plus(BUCKET.multipliedBy(i % 12));
				learnt.learn(t, i % 12 == 0 ? 0.6 : -0.1);
			}
			rhythms[first] = learnt.offset(EIGHT.plus(Duration.ofDays(2)));
		}
		for (double offset : rhythms) {
			assertThat(offset).isCloseTo((0.6 - 1.1) / 12, within(1e-9));
		}
	}
}
