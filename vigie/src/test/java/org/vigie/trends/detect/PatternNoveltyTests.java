package org.vigie.trends.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PatternNoveltyTests {

	private static final Duration BUCKET = Duration.ofMinutes(5);

	private static final int DAY = 288;

	private final Random random = new Random(7);

	/** Three hours in six segments, learning at 0.95 and alarming below 0.9: coarse enough for tests. */
	private static PatternSettings settings(int categories) {
		return new PatternSettings(Duration.ofHours(3), 6, 0.95, 0.9, 1.0, categories, true, false,
				PatternSettings.Scale.COUNTS);
	}

	private static PatternNovelty novelty(int categories) {
		return new PatternNovelty(settings(categories), (int) (Duration.ofHours(3).toMillis() / BUCKET.toMillis()));
	}

	/** About 20 items per bucket, with a burst to 200 for an hour at 14:00 every day when asked. */
	private double day(int i, boolean dailyBurst) {
		int minute = (i % DAY) * 5;
		boolean burst = dailyBurst && minute >= 14 * 60 && minute < 15 * 60;
		return (burst ? 200 : 20) + random.nextInt(5);
	}

	@Test
	void flagsABurstShapedLikeNothingSeenBefore() {
		PatternNovelty novelty = novelty(64);
		for (int i = 0; i < 5 * DAY; i++) {
			// A week's worth of ordinary days, with one earlier burst of 100 to set the range.
			double value = i == DAY + 100 ? 100 : day(i, false);
			novelty.observe(value);
		}
		List<Integer> novel = new ArrayList<>();
		for (int i = 5 * DAY; i < 5 * DAY + 24; i++) {
			if (novelty.observe(i >= 5 * DAY + 6 ? 400 : day(i, false))) {
				novel.add(i - 5 * DAY);
			}
		}
		assertThat(novel).isNotEmpty();
		// Found within the burst's first two buckets.
		assertThat(novel.get(0)).isBetween(6, 7);
	}

	@Test
	void stopsFlaggingADailyBurstOnceLearnt() {
		PatternNovelty novelty = novelty(64);
		int[] novelPerDay = new int[10];
		for (int i = 0; i < 10 * DAY; i++) {
			if (novelty.observe(day(i, true))) {
				novelPerDay[i / DAY]++;
			}
		}
		// The first bursts are news; after a few days the same shape is familiar.
		assertThat(novelPerDay[0] + novelPerDay[1]).isPositive();
		assertThat(novelPerDay[7] + novelPerDay[8] + novelPerDay[9]).isZero();
	}

	@Test
	void keepsAtMostItsCategoriesWhateverTheSeries() {
		PatternNovelty novelty = novelty(16);
		for (int i = 0; i < 20 * DAY; i++) {
			// Noise over three orders of magnitude: every pattern is new.
			novelty.observe(Math.exp(random.nextDouble() * 7));
		}
		assertThat(novelty.categories()).isEqualTo(16);
	}

	@Test
	void leavesASeriesTooYoungToJudgeToTheOtherGates() {
		PatternNovelty novelty = novelty(64);
		for (int i = 0; i < 36; i++) {
			// Flat: the window fills, then there is no range to judge by.
			assertThat(novelty.observe(5)).isTrue();
		}
		assertThat(novelty.categories()).isZero();
	}

	/**
	 * Days of about 20 items per 5 minutes; from day 4 on, the same two-hour burst to ten times the
	 * volume every afternoon. Steady (20 to 24 items) or with Poisson noise.
	 */
	private List<Integer> alertDays(SpikeSettings settings, boolean poisson) {
		SpikeDetector detector = new SpikeDetector(settings, BUCKET);
		Instant start = Instant.parse("2026-01-05T00:00:00Z");
		List<Integer> days = new ArrayList<>();
		for (int i = 0; i < 12 * DAY; i++) {
			int minute = (i % DAY) * 5;
			boolean burst = i >= 4 * DAY && minute >= 14 * 60 && minute < 16 * 60;
			double mean = burst ? 200 : 20;
			double value = poisson ? Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()))
					: mean + random.nextInt(5);
			if (detector.observe(start.plus(BUCKET.multipliedBy(i)), value).alert()) {
				days.add(i / DAY);
			}
		}
		return days;
	}

	private List<Integer> alertDays(SpikeSettings settings) {
		return alertDays(settings, false);
	}

	@Test
	void patternProfileAlertsOnANovelBurstButNotOnRepeatsOfIt() {
		List<Integer> days = alertDays(SpikeSettings.forNovelPatterns());

		assertThat(days).contains(4);
		assertThat(days).allMatch(d -> d < 8);
	}

	@Test
	void withoutThePatternTestTheSameProfileKeepsAlertingOnRepeats() {
		List<Integer> days = alertDays(SpikeSettings.forNovelPatterns().withPattern(PatternSettings.OFF));

		assertThat(days).contains(4, 9, 10, 11);
	}

	@Test
	void appDefaultsLearnARepeatedBurstTheCountScoreAloneKeepsRaising() {
		List<Integer> withPattern = alertDays(SpikeSettings.DEFAULTS);
		List<Integer> countScoreAlone = alertDays(SpikeSettings.DEFAULTS.withPattern(PatternSettings.OFF));

		assertThat(withPattern).contains(4).allMatch(d -> d < 8);
		assertThat(countScoreAlone).contains(4, 9, 10, 11);
	}

	@Test
	void appDefaultsLearnARepeatedBurstDespiteCountingNoise() {
		List<Integer> withPattern = alertDays(SpikeSettings.DEFAULTS, true);
		List<Integer> countScoreAlone = alertDays(SpikeSettings.DEFAULTS.withPattern(PatternSettings.OFF), true);

		assertThat(withPattern).contains(4).allMatch(d -> d < 8);
		assertThat(countScoreAlone).contains(4, 9, 10, 11);
	}
}
