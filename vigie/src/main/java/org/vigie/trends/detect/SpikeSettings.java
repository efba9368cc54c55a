package org.vigie.trends.detect;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SpikeDetector} judges a series. Durations are wall-clock, so one setting serves
 * 1-minute and 5-minute buckets alike. Start from {@link #DEFAULTS} and change what you need with
 * the {@code with…} methods.
 *
 * @param threshold robust standard deviations above the expected value a bucket must reach to open
 *        an event: the main sensitivity knob (higher means fewer alerts)
 * @param minRatio the bucket must also be at least this many times its expected count, so that a
 *        quiet series (3 items instead of 1) pages nobody
 * @param minExcess and at least this many items above the expected count
 * @param levelHalfLife how fast the ordinary level follows a drift outside airings
 * @param airingLevelHalfLife how fast the level follows inside an airing of a programme never seen
 * @param scaleHalfLife how fast the typical deviation is learnt
 * @param warmup no alert before the detector has seen this much of the series
 * @param cooldown an open event absorbs further high buckets without a new alert until the
 *        series has been calm for this long
 * @param learnRate weight of one day (one airing) when learning the weekly rhythm (airing profiles)
 * @param noveltyWindow when positive, a bucket must also exceed every bucket of this trailing
 *        period to open an event: "the most we have seen in two weeks" rather than "more than
 *        usual". Zero turns the gate off
 * @param noveltyRatio the fraction of that trailing maximum (in counts) the bucket must reach
 * @param surpriseWindow when positive, the bucket's score must also reach {@code surpriseRatio} times
 *        the highest score of this trailing period: an adaptive threshold, so that a series whose
 *        deviations are routinely large (a ticker traded by bots, a show with a raucous fan base)
 *        needs a bigger surprise than a calm one. Zero turns the gate off
 * @param surpriseRatio the fraction of the trailing highest score a bucket must reach
 * @param shiftWindow when positive, a level-shift test runs beside the spike test: the mean score
 *        of the buckets of this trailing period, times {@code shiftGain}, is judged against the
 *        same threshold (and its mean count against the novelty gate), so that a sustained rise
 *        that no single bucket makes remarkable is still seen. Zero turns the test off
 * @param shiftGain how much a sustained deviation weighs against a single one: {@code sqrt(k)} for
 *        k independent buckets; less, as neighbouring buckets are correlated
 * @param calibrationWindow when positive, the score is also judged against the series' own history
 *        of scores over this trailing period, as HTM's anomaly likelihood does: the mean score of the
 *        last {@code calibrationAveraging} must lie {@code calibrationThreshold} standard deviations
 *        above the long-run mean of such means. A restless series, whose scores are routinely high,
 *        then needs a bigger surprise than a calm one. Zero turns the gate off
 * @param calibrationAveraging how many of the last scores are averaged before that judgement (one
 *        bucket or less: each score alone)
 * @param calibrationThreshold the deviation from the series' usual scores needed, in standard
 *        deviations of those scores
 * @param refractory after an alert, no new event may open for this long, however the series behaves
 *        (the level-shift test and the aftershocks of a burst otherwise alert again once the first
 *        event has closed). Zero turns it off
 * @param calibrationQuantile when between 0 and 1, the calibration judges the score against this
 *        quantile of the series' own scores over {@code calibrationWindow} instead of their mean plus
 *        {@code calibrationThreshold} standard deviations: the score must exceed all but a share
 *        {@code 1 − calibrationQuantile} of them. A budget of alerts per series, whatever the shape of
 *        its scores' distribution: a restless series whose scores have a long tail cannot spend more
 *        of it than a calm one. Zero keeps the mean and standard deviation
 * @param countTail when true, a bucket above its expected count is scored by the tail probability
 *        of its count under a negative binomial of the expected mean and the learnt spread (turned
 *        into standard deviations of a normal), rather than by the deviation of {@code log(1 + count)}:
 *        on a sparse series (0 or 1 item per bucket) 6 items where 0.5 are expected is far rarer than
 *        the logarithm says
 * @param pattern the pattern-novelty test ({@link PatternSettings#OFF} for none): when on, a bucket
 *        opens an event when the recent shape of the series resembles none of the shapes learnt so far
 */
public record SpikeSettings(double threshold, double minRatio, double minExcess, Duration levelHalfLife,
		Duration airingLevelHalfLife, Duration scaleHalfLife, Duration warmup, Duration cooldown, double learnRate,
		Duration noveltyWindow, double noveltyRatio, Duration surpriseWindow, double surpriseRatio, Duration shiftWindow,
		double shiftGain, Duration calibrationWindow, Duration calibrationAveraging, double calibrationThreshold,
		Duration refractory, double calibrationQuantile, boolean countTail, PatternSettings pattern) {

	/**
	 * The application's defaults for item streams of a show: an alert needs a bucket four
	 * deviations and 1.5 times above what the hour (or the airing) usually brings, a score 4.5
	 * deviations above the series' own scores of the last 21 days (once it has a day of them), and a
	 * recent shape unlike those the series has shown ({@link PatternSettings#DEFAULTS}). The
	 * calibration, its level and the pattern test were chosen on NAB realTweets' tuning tickers (see
	 * docs/trends.md).
	 */
	public static final SpikeSettings DEFAULTS = new SpikeSettings(4.0, 1.5, 5, Duration.ofHours(3),
			Duration.ofMinutes(6), Duration.ofHours(12), Duration.ofHours(2), Duration.ofMinutes(30), 0.1,
			Duration.ZERO, 1.0, Duration.ZERO, 1.0, Duration.ZERO, 1.0, Duration.ofDays(21), Duration.ZERO, 4.5,
			Duration.ZERO, 0, false, PatternSettings.DEFAULTS);

	public SpikeSettings {
		Objects.requireNonNull(levelHalfLife, "levelHalfLife");
		Objects.requireNonNull(airingLevelHalfLife, "airingLevelHalfLife");
		Objects.requireNonNull(scaleHalfLife, "scaleHalfLife");
		Objects.requireNonNull(warmup, "warmup");
		Objects.requireNonNull(cooldown, "cooldown");
		Objects.requireNonNull(noveltyWindow, "noveltyWindow");
		Objects.requireNonNull(surpriseWindow, "surpriseWindow");
		Objects.requireNonNull(shiftWindow, "shiftWindow");
		Objects.requireNonNull(calibrationWindow, "calibrationWindow");
		Objects.requireNonNull(calibrationAveraging, "calibrationAveraging");
		Objects.requireNonNull(refractory, "refractory");
		Objects.requireNonNull(pattern, "pattern");
		if (!(threshold > 0) || !(minRatio >= 1) || !(minExcess >= 0) || !(learnRate > 0 && learnRate <= 1)) {
			throw new IllegalArgumentException("Need threshold > 0, minRatio >= 1, minExcess >= 0, 0 < learnRate <= 1");
		}
		for (Duration d : new Duration[] { levelHalfLife, airingLevelHalfLife, scaleHalfLife }) {
			if (d.isNegative() || d.isZero()) {
				throw new IllegalArgumentException("Half-lives must be positive: " + d);
			}
		}
		if (!(noveltyRatio > 0) || !(surpriseRatio > 0)) {
			throw new IllegalArgumentException("noveltyRatio and surpriseRatio must be positive");
		}
		if (warmup.isNegative() || cooldown.isNegative() || noveltyWindow.isNegative() || surpriseWindow.isNegative()
				|| shiftWindow.isNegative() || calibrationWindow.isNegative() || calibrationAveraging.isNegative()
				|| refractory.isNegative()) {
			throw new IllegalArgumentException("Durations must not be negative");
		}
		if (!(calibrationQuantile >= 0 && calibrationQuantile < 1)) {
			throw new IllegalArgumentException("calibrationQuantile must lie in [0, 1): " + calibrationQuantile);
		}
		if (!(shiftGain > 0)) {
			throw new IllegalArgumentException("shiftGain must be positive");
		}
	}

	public SpikeSettings withThreshold(double value) {
		return new SpikeSettings(value, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withMinRatio(double value) {
		return new SpikeSettings(threshold, value, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withMinExcess(double value) {
		return new SpikeSettings(threshold, minRatio, value, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withLevelHalfLife(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, value, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withAiringLevelHalfLife(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, value, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withScaleHalfLife(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, value, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withWarmup(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, value, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withCooldown(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, value, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withLearnRate(double value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, value, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withNoveltyWindow(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, value, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withNoveltyRatio(double value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, value, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withSurpriseWindow(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, value, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withSurpriseRatio(double value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, value, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withShiftWindow(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, value, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withShiftGain(double value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, value, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withCalibrationWindow(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, value, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withCalibrationAveraging(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, value, calibrationThreshold, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withCalibrationThreshold(double value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, value, refractory, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withRefractory(Duration value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, value, calibrationQuantile, countTail, pattern);
	}

	public SpikeSettings withCalibrationQuantile(double value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, value, countTail, pattern);
	}

	public SpikeSettings withCountTail(boolean value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, value, pattern);
	}

	public SpikeSettings withPattern(PatternSettings value) {
		return new SpikeSettings(threshold, minRatio, minExcess, levelHalfLife, airingLevelHalfLife, scaleHalfLife, warmup, cooldown, learnRate, noveltyWindow, noveltyRatio, surpriseWindow, surpriseRatio, shiftWindow, shiftGain, calibrationWindow, calibrationAveraging, calibrationThreshold, refractory, calibrationQuantile, countTail, value);
	}

	/**
	 * Settings for long, bursty series without airings (5-minute tweet volumes over weeks): an alert
	 * needs a bucket (or the mean of the last three hours, for a level shift) 3 deviations above
	 * expected, at least half of the highest bucket of the last 21 days and at least half of the
	 * highest score of the last 14 days; its score must exceed the 0.99 quantile of the series' own
	 * scores of the last 21 days; and no alert may follow another within 12 hours. Chosen on NAB
	 * realTweets' tuning tickers (AAPL, AMZN, CRM, CVS, FB) only, by the best-plateau rule of
	 * vigie-bench {@code TrendsHarness nab --tune} (see docs/trends.md).
	 */
	public static SpikeSettings forBurstySeries() {
		return DEFAULTS.withThreshold(3.0).withMinRatio(1).withMinExcess(0).withLevelHalfLife(Duration.ofHours(12))
			.withCooldown(Duration.ofHours(1)).withWarmup(Duration.ofDays(1)).withNoveltyWindow(Duration.ofDays(21))
			.withNoveltyRatio(0.5).withSurpriseWindow(Duration.ofDays(14)).withSurpriseRatio(0.5)
			.withShiftWindow(Duration.ofHours(3)).withShiftGain(2.5).withCalibrationWindow(Duration.ofDays(21))
			.withCalibrationAveraging(Duration.ZERO).withCalibrationThreshold(4.5).withCalibrationQuantile(0.99)
			.withRefractory(Duration.ofHours(12)).withPattern(PatternSettings.OFF);
	}

	/**
	 * Settings for long bursty series without airings (the {@code pattern} profile): the count score
	 * and gates of {@link #forBurstySeries()} without its surprise gate and with the calibration at 4.5
	 * standard deviations above the series' usual scores (not a quantile), plus the pattern-novelty test
	 * ({@link PatternSettings}) in combination: a burst also needs a recent shape (the last 3 hours of
	 * counts in 3 one-hour segments, normalised by the smallest and largest seen so far) that matches
	 * none of the 64 shapes learnt by fuzzy ART at an alarm vigilance of 0.988 (learning at 0.99); at
	 * most one alert per 24 hours. A burst shaped
	 * like recent ones is learnt, not reported. Chosen on NAB realTweets' tuning tickers only, among
	 * the settings that stop alerting on a burst repeated daily ({@code TrendsHarness nab --tune
	 * --profile pattern}; see docs/trends.md).
	 */
	public static SpikeSettings forNovelPatterns() {
		return forBurstySeries().withSurpriseWindow(Duration.ZERO).withSurpriseRatio(1).withCalibrationQuantile(0)
			.withRefractory(Duration.ofHours(24))
			.withPattern(new PatternSettings(Duration.ofHours(3), 3, 0.99, 0.988, 1.0, 64, false, true,
					PatternSettings.Scale.COUNTS));
	}

	/**
	 * Settings for minute-by-minute volumes during a live broadcast (a match, a debate), where events
	 * on screen show as sharp rises over the last few minutes: chosen on the tuning part of MUNLIV
	 * (before 16:35 UTC) by vigie-bench {@code TrendsHarness ted --tune}.
	 */
	public static SpikeSettings forLiveBroadcast() {
		return DEFAULTS.withThreshold(1.5).withMinRatio(1.1).withMinExcess(0)
			.withAiringLevelHalfLife(Duration.ofMinutes(2)).withLevelHalfLife(Duration.ofMinutes(2))
			.withScaleHalfLife(Duration.ofMinutes(10)).withCooldown(Duration.ofMinutes(2))
			.withWarmup(Duration.ofMinutes(10)).withCalibrationWindow(Duration.ZERO).withPattern(PatternSettings.OFF);
	}
}
