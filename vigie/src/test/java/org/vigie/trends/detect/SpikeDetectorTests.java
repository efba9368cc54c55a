package org.vigie.trends.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SpikeDetectorTests {

	private static final Instant START = Instant.parse("2026-01-05T00:00:00Z"); // a Monday

	private static final Duration BUCKET = Duration.ofMinutes(5);

	private final Random random = new Random(42);

	/** A quiet series with a daily rhythm: about 20 items per 5 minutes by day, 5 by night. */
	private double ordinary(Instant t) {
		int hour = t.atZone(ZoneId.of("UTC")).getHour();
		double mean = hour >= 8 && hour < 23 ? 20 : 5;
		return poisson(mean);
	}

	private double poisson(double mean) {
		double l = Math.exp(-mean);
		int k = 0;
		double p = 1;
		do {
			k++;
			p *= random.nextDouble();
		}
		while (p > l);
		return k - 1;
	}

	@Test
	void detectsPlantedBurstWithinTwoBuckets() {
		SpikeDetector detector = new SpikeDetector(SpikeSettings.DEFAULTS, BUCKET);
		Instant burst = START.plus(Duration.ofDays(3)).plus(Duration.ofHours(14));
		List<Instant> alerts = new ArrayList<>();
		for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(4))); t = t.plus(BUCKET)) {
			boolean inBurst = !t.isBefore(burst) && t.isBefore(burst.plus(Duration.ofMinutes(30)));
			// The burst ramps up: 2x, then 4x and more, as a real one does.
			double value = inBurst ? ordinary(t) * (2 + Duration.between(burst, t).toMinutes() / 5.0) : ordinary(t);
			if (detector.observe(t, value).alert()) {
				alerts.add(t);
			}
		}
		assertThat(alerts).hasSize(1);
		assertThat(Duration.between(burst, alerts.get(0))).isLessThan(BUCKET.multipliedBy(2));
	}

	@Test // GH-8
	void detectsABurstWhereverTheSeriesStartsWithinTheHour() {
		// Eight hours of a young series, then a burst: when the series starts on the hour, the burst
		// falls on the first bucket of an hour it has never seen.
		for (int minute = 0; minute < 60; minute += 5) {
			random.setSeed(42);
			Instant start = START.plus(Duration.ofMinutes(minute));
			SpikeDetector detector = new SpikeDetector(SpikeSettings.DEFAULTS, BUCKET, List.of(), Duration.ofMinutes(30),
					ZoneId.of("Europe/Paris"));
			Instant t = start;
			for (int i = 0; i < 12 * 8; i++, t = t.plus(BUCKET)) {
				double count = poisson(10);
				detector.observe(t, count, count);
			}
			List<Instant> alerts = new ArrayList<>();
			for (double count : new double[] { 40, 90 }) {
				if (detector.observe(t, count, count).alert()) {
					alerts.add(t);
				}
				t = t.plus(BUCKET);
			}
			assertThat(alerts).as("series started at %s", start).hasSize(1);
		}
	}

	@Test
	void raisesOneAlertPerEventNeverAStorm() {
		SpikeDetector detector = new SpikeDetector(SpikeSettings.DEFAULTS, BUCKET);
		Instant burst = START.plus(Duration.ofDays(2)).plus(Duration.ofHours(12));
		int alerts = 0;
		int continued = 0;
		for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(3))); t = t.plus(BUCKET)) {
			// Two hours at ten times the usual volume, with ups and downs.
			boolean inBurst = !t.isBefore(burst) && t.isBefore(burst.plus(Duration.ofHours(2)));
			double value = inBurst ? poisson(200 * (0.5 + random.nextDouble())) : ordinary(t);
			Step step = detector.observe(t, value);
			alerts += step.alert() ? 1 : 0;
			continued += step.signal() == Signal.CONTINUED ? 1 : 0;
		}
		assertThat(alerts).isEqualTo(1);
		assertThat(continued).isGreaterThanOrEqualTo(23);
	}

	@Test
	void staysQuietOnAnOrdinaryWeek() {
		SpikeDetector detector = new SpikeDetector(SpikeSettings.DEFAULTS, BUCKET);
		int alerts = 0;
		for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(14))); t = t.plus(BUCKET)) {
			alerts += detector.observe(t, ordinary(t)).alert() ? 1 : 0;
		}
		assertThat(alerts).isZero();
	}

	@Test
	void comparesAnAiringWithPastAiringsOfTheSameShow() {
		// A weekly show on Saturdays at 21:00 for an hour; fans post 8x the usual volume during it.
		List<Airing> airings = new ArrayList<>();
		for (int week = 0; week < 6; week++) {
			Instant start = START.plus(Duration.ofDays(5 + 7 * week)).plus(Duration.ofHours(21));
			airings.add(new Airing(start, start.plus(Duration.ofHours(1)), "show"));
		}
		SpikeDetector detector = new SpikeDetector(SpikeSettings.DEFAULTS, BUCKET, airings, Duration.ofMinutes(30),
				ZoneId.of("UTC"));
		List<Integer> alertsPerAiring = new ArrayList<>();
		int alertsOutside = 0;
		for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(42))); t = t.plus(BUCKET)) {
			int airing = -1;
			for (int i = 0; i < airings.size(); i++) {
				if (airings.get(i).covers(t, Duration.ofMinutes(30))) {
					airing = i;
				}
			}
			// The fifth airing is unusual: three times the usual airing volume.
			double factor = airing < 0 ? 1 : airing == 4 ? 24 : 8;
			Step step = detector.observe(t, airing < 0 ? ordinary(t) : poisson(20 * factor));
			if (airing >= 0) {
				while (alertsPerAiring.size() <= airing) {
					alertsPerAiring.add(0);
				}
				alertsPerAiring.set(airing, alertsPerAiring.get(airing) + (step.alert() ? 1 : 0));
			}
			else {
				alertsOutside += step.alert() ? 1 : 0;
			}
		}
		// The first airing has no history; from the second on, an airing of the usual size is quiet.
		assertThat(alertsPerAiring.subList(1, 4)).containsOnly(0);
		assertThat(alertsPerAiring.get(4)).isEqualTo(1);
		assertThat(alertsPerAiring.get(5)).isZero();
		assertThat(alertsOutside).isZero();
	}

	@Test
	void oneLoudAccountIsNotATrend() {
		SpikeDetector detector = new SpikeDetector(SpikeSettings.DEFAULTS, BUCKET);
		Instant spam = START.plus(Duration.ofDays(2)).plus(Duration.ofHours(15));
		int alerts = 0;
		for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(3))); t = t.plus(BUCKET)) {
			double value = ordinary(t);
			double authors = Math.max(1, value * 0.8);
			if (!t.isBefore(spam) && t.isBefore(spam.plus(Duration.ofMinutes(20)))) {
				value += 300; // one account posting 300 times
				authors += 1;
			}
			alerts += detector.observe(t, value, authors).alert() ? 1 : 0;
		}
		assertThat(alerts).isZero();
	}

	@Test
	void levelShiftTestSeesASustainedRiseNoSingleBucketMakesRemarkable() {
		// The level-shift test alone, without the calibration of the defaults.
		SpikeSettings plain = SpikeSettings.DEFAULTS.withThreshold(3).withMinRatio(1).withMinExcess(0)
			.withCalibrationWindow(Duration.ZERO);
		SpikeSettings shifted = plain.withShiftWindow(Duration.ofHours(1)).withShiftGain(2);
		assertThat(alertsOnSustainedRise(plain)).isZero();
		assertThat(alertsOnSustainedRise(shifted)).isEqualTo(1);
	}

	/** Alerts over a flat series of 20 items per bucket that rises by 70% for three hours. */
	private int alertsOnSustainedRise(SpikeSettings settings) {
		random.setSeed(7);
		SpikeDetector detector = new SpikeDetector(settings, BUCKET);
		Instant rise = START.plus(Duration.ofDays(2));
		int alerts = 0;
		for (Instant t = START; t.isBefore(rise.plus(Duration.ofHours(3))); t = t.plus(BUCKET)) {
			alerts += detector.observe(t, poisson(t.isBefore(rise) ? 20 : 34)).alert() ? 1 : 0;
		}
		return alerts;
	}

	@Test
	void calibrationAsksARestlessSeriesForABiggerSurprise() {
		SpikeSettings plain = SpikeSettings.DEFAULTS.withThreshold(3).withMinRatio(1).withMinExcess(0)
			.withCalibrationWindow(Duration.ZERO);
		SpikeSettings calibrated = plain.withCalibrationWindow(Duration.ofDays(7)).withCalibrationThreshold(4.5);
		int[] restless = alertsOnRestlessSeries(plain);
		int[] judged = alertsOnRestlessSeries(calibrated);
		// One bucket in ten triples: the plain detector alerts on many of them, the calibrated one learns
		// (after its first day, when it has no history of scores yet) that such rises are this series'
		// ordinary.
		assertThat(restless[0]).isGreaterThan(10);
		assertThat(judged[0]).isLessThanOrEqualTo(2);
		// A real burst still alerts.
		assertThat(judged[1]).isEqualTo(1);
		assertThat(restless[1]).isEqualTo(1);
	}

	@Test
	void quantileCalibrationAsksARestlessSeriesForABiggerSurprise() {
		SpikeSettings plain = SpikeSettings.DEFAULTS.withThreshold(3).withMinRatio(1).withMinExcess(0)
			.withCalibrationWindow(Duration.ZERO);
		SpikeSettings calibrated = plain.withCalibrationWindow(Duration.ofDays(7)).withCalibrationQuantile(0.999);
		int[] judged = alertsOnRestlessSeries(calibrated);
		// Rises the series makes every hour lie well within its 99.9th percentile of scores.
		assertThat(alertsOnRestlessSeries(plain)[0]).isGreaterThan(10);
		assertThat(judged[0]).isLessThanOrEqualTo(2);
		assertThat(judged[1]).isEqualTo(1);
	}

	@Test
	void countTailSeesASmallBurstOnASparseSeries() {
		SpikeSettings plain = SpikeSettings.DEFAULTS.withThreshold(3).withMinRatio(1).withMinExcess(0)
			.withCalibrationWindow(Duration.ZERO);
		int[] logScore = alertsOnSparseSeries(plain);
		int[] countScore = alertsOnSparseSeries(plain.withCountTail(true));
		// Eight items in a bucket where about 0.3 are usual: the log deviation hardly moves.
		assertThat(logScore[1]).isZero();
		assertThat(countScore[1]).isEqualTo(1);
		// Ordinary buckets of a sparse series (0, 1, sometimes 2 or 3 items) stay quiet either way.
		assertThat(countScore[0]).isLessThanOrEqualTo(logScore[0] + 1);
		assertThat(countScore[0]).isLessThanOrEqualTo(2);
	}

	/** Alerts before and at a half-hour burst of 8 items per bucket, on 10 days of Poisson(0.3) buckets. */
	private int[] alertsOnSparseSeries(SpikeSettings settings) {
		random.setSeed(5);
		SpikeDetector detector = new SpikeDetector(settings, BUCKET);
		Instant burst = START.plus(Duration.ofDays(10));
		int[] alerts = new int[2];
		for (Instant t = START; t.isBefore(burst.plus(Duration.ofMinutes(30))); t = t.plus(BUCKET)) {
			boolean inBurst = !t.isBefore(burst);
			boolean alert = detector.observe(t, inBurst ? 8 : poisson(0.3)).alert();
			alerts[inBurst ? 1 : 0] += alert ? 1 : 0;
		}
		return alerts;
	}

	/**
	 * Alerts from the second day to the burst, and at a tenfold burst after 12 days, on a series where
	 * one bucket in ten triples.
	 */
	private int[] alertsOnRestlessSeries(SpikeSettings settings) {
		random.setSeed(3);
		SpikeDetector detector = new SpikeDetector(settings, BUCKET);
		Instant burst = START.plus(Duration.ofDays(12));
		int[] alerts = new int[2];
		for (Instant t = START; t.isBefore(burst.plus(Duration.ofMinutes(15))); t = t.plus(BUCKET)) {
			double mean = random.nextDouble() < 0.1 ? 60 : 20;
			if (!t.isBefore(burst)) {
				mean = 200;
			}
			boolean alert = detector.observe(t, poisson(mean)).alert();
			if (alert && !t.isBefore(burst)) {
				alerts[1]++;
			}
			else if (alert && !t.isBefore(START.plus(Duration.ofDays(1)))) {
				alerts[0]++;
			}
		}
		return alerts;
	}

	@Test
	void refractoryPeriodKeepsASecondAlertAway() {
		SpikeSettings plain = SpikeSettings.DEFAULTS.withThreshold(3).withMinRatio(1).withMinExcess(0);
		assertThat(alertsOnTwoBursts(plain)).isEqualTo(2);
		assertThat(alertsOnTwoBursts(plain.withRefractory(Duration.ofHours(12)))).isEqualTo(1);
	}

	/** Alerts over a flat series of 20 items per bucket with two half-hour bursts six hours apart. */
	private int alertsOnTwoBursts(SpikeSettings settings) {
		random.setSeed(11);
		SpikeDetector detector = new SpikeDetector(settings, BUCKET);
		Instant first = START.plus(Duration.ofDays(2));
		Instant second = first.plus(Duration.ofHours(6));
		int alerts = 0;
		for (Instant t = START; t.isBefore(second.plus(Duration.ofHours(2))); t = t.plus(BUCKET)) {
			boolean burst = inBurst(t, first) || inBurst(t, second);
			alerts += detector.observe(t, poisson(burst ? 150 : 20)).alert() ? 1 : 0;
		}
		return alerts;
	}

	private static boolean inBurst(Instant t, Instant start) {
		return !t.isBefore(start) && t.isBefore(start.plus(Duration.ofMinutes(30)));
	}
}
