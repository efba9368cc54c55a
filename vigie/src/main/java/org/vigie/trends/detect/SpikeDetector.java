package org.vigie.trends.detect;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A streaming volume-spike detector for one series of counts in regular buckets (items per minute
 * about one show, one query, one account…).
 *
 * <p>It works on {@code log(1 + count)}, where bursts are multiplicative and the spread is roughly
 * constant. Outside airings the expected value is a slowly drifting level plus the series' weekly
 * rhythm ({@link WeeklyRhythm}). Inside an airing window (the airing and its afterglow) of a
 * programme seen before, the expected value is the level just before the airing plus the profile of
 * past airings of that programme at the same offset: an airing as big as usual is quiet, a bigger
 * one is news. For a programme never seen, a fast level follows the airing and only sharp rises
 * within it count. What is learnt is clipped, so that a burst does not become the new normal at once.
 *
 * <p>The score is the deviation in standard deviations, where the variance is the learnt spread
 * beyond Poisson noise plus the Poisson noise of the expected count, so small counts are not
 * over-read. {@link EventTracker} turns scores into one alert per event. When unique authors are
 * given, the count judged is capped at what that many authors usually write, so that one loud
 * account does not make a trend.
 *
 * <p>The score must also stand out from the series' own scores of the last weeks (a calibration in
 * the manner of HTM's anomaly likelihood, on in the application's defaults): a restless series, whose
 * scores are routinely high, needs a bigger surprise than a calm one. Optional gates, off in the
 * application's defaults (see {@link SpikeSettings}): a level-shift test beside the spike test (the
 * mean score of the last hours), a novelty gate (the bucket must reach a fraction of the highest
 * bucket of the last weeks), a surprise gate (a fraction of the highest score of the last days) and
 * a refractory period after each alert.
 *
 * <p>The pattern test ({@link PatternSettings}, on in the application's defaults): the recent shape of
 * the series, a few averaged segments of the last hours, is clustered online by fuzzy ART
 * ({@link PatternNovelty}); a burst whose shape matches none of the shapes learnt so far may alert, one
 * shaped like them (the same burst every afternoon) is learnt and stays quiet.
 *
 * <p>Not thread-safe: one instance per series, fed in time order. Memory is constant (bounded by
 * the calibration window, the novelty window, the longest airing and the pattern test's categories).
 */
public final class SpikeDetector {

	private static final double CLIP = 2.5;

	private static final double MIN_VARIANCE = 0.0025;

	private final SpikeSettings settings;

	private final Duration bucket;

	private List<Airing> airings;

	private final Duration afterglow;

	private final WeeklyRhythm rhythm;

	private final EventTracker events;

	private final TrailingMax recent;

	private final TrailingMax surprises;

	private final @Nullable ShortWindow shift;

	private final TrailingMax recentShift;

	private final @Nullable ScoreCalibration calibration;

	private final @Nullable PatternNovelty pattern;

	private @Nullable Instant lastAlert;

	private final double levelRate;

	private final double airingLevelRate;

	private final double scaleRate;

	private final Map<String, AiringProfile> profiles = new HashMap<>();

	private @Nullable AiringProfile thisAiring;

	private @Nullable Instant first;

	private double level;

	private double variance;

	private double itemsPerAuthor = Double.NaN;

	private @Nullable Airing current;

	private double airingBase;

	private double airingLevel;

	/**
	 * @param bucket the step of the series
	 * @param airings the broadcasts that concern the series, any order; empty for none
	 * @param afterglow how long after an airing's end fans still talk about it
	 * @param zone where the weekly rhythm is lived (the audience's time zone)
	 */
	public SpikeDetector(SpikeSettings settings, Duration bucket, List<Airing> airings, Duration afterglow,
			ZoneId zone) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.bucket = Objects.requireNonNull(bucket, "bucket");
		if (bucket.isNegative() || bucket.isZero()) {
			throw new IllegalArgumentException("The bucket must be positive: " + bucket);
		}
		this.airings = airings.stream().sorted(Comparator.comparing(Airing::start)).toList();
		this.afterglow = Objects.requireNonNull(afterglow, "afterglow");
		this.rhythm = new WeeklyRhythm(bucket, settings.learnRate(), zone);
		this.events = new EventTracker(settings.threshold(), settings.cooldown());
		this.recent = new TrailingMax(settings.noveltyWindow());
		this.surprises = new TrailingMax(settings.surpriseWindow());
		int shiftLength = (int) (settings.shiftWindow().toMillis() / bucket.toMillis());
		this.shift = shiftLength > 1 ? new ShortWindow(shiftLength) : null;
		this.recentShift = new TrailingMax(settings.noveltyWindow());
		int calibrationLength = (int) (settings.calibrationWindow().toMillis() / bucket.toMillis());
		this.calibration = calibrationLength > 1
				? new ScoreCalibration(calibrationLength,
						(int) Math.max(1, settings.calibrationAveraging().toMillis() / bucket.toMillis()),
						(int) (Duration.ofDays(1).toMillis() / bucket.toMillis()), settings.calibrationQuantile())
				: null;
		this.pattern = settings.pattern().on()
				? new PatternNovelty(settings.pattern(), (int) (settings.pattern().window().toMillis() / bucket.toMillis()))
				: null;
		this.levelRate = rate(settings.levelHalfLife());
		this.airingLevelRate = rate(settings.airingLevelHalfLife());
		this.scaleRate = rate(settings.scaleHalfLife());
	}

	/** A detector without airings, living in UTC. */
	public SpikeDetector(SpikeSettings settings, Duration bucket) {
		this(settings, bucket, List.of(), Duration.ZERO, ZoneId.of("UTC"));
	}

	private double rate(Duration halfLife) {
		return 1 - Math.pow(0.5, (double) bucket.toMillis() / halfLife.toMillis());
	}

	/** Judges the bucket starting at {@code t} that holds {@code count} items. */
	public Step observe(Instant t, double count) {
		return observe(t, count, Double.NaN);
	}

	/**
	 * Judges the bucket starting at {@code t}.
	 * @param count items in the bucket, not negative
	 * @param authors about how many distinct authors wrote them; {@code NaN} when unknown
	 * @throws IllegalArgumentException if {@code count} is negative or not a number
	 */
	public Step observe(Instant t, double count, double authors) {
		Objects.requireNonNull(t, "t");
		if (!(count >= 0)) {
			throw new IllegalArgumentException("A count is a number of at least 0: " + count);
		}
		double value = authorCapped(count, authors);
		double y = Math.log1p(value);
		if (first == null) {
			first = t;
			level = y;
			variance = 0.05;
		}
		Airing airing = airingAt(t);
		if (airing != current) {
			switchAiring(airing);
		}
		AiringProfile profile = airing == null ? null : profiles.get(airing.programme());
		int offset = airing == null ? 0 : (int) (Duration.between(airing.start(), t).toMillis() / bucket.toMillis());
		boolean known = profile != null && profile.knows(offset);
		double expectedLog;
		double spread = variance;
		if (airing == null) {
			expectedLog = level + rhythm.offset(t);
		}
		else if (known) {
			expectedLog = airingBase + profile.at(offset);
			spread += profile.variance();
		}
		else {
			expectedLog = airingLevel;
		}
		double expected = Math.max(0, Math.expm1(expectedLog));
		double poisson = 1 / (expected + 1);
		double sd = Math.sqrt(spread + poisson);
		double residual = y - expectedLog;
		double score = residual / sd;
		if (settings.countTail()) {
			// The mean of counts whose log has this mean and variance (a log-normal's).
			double mean = Math.expm1(expectedLog + (spread + poisson) / 2);
			if (value > mean) {
				score = CountTail.score(value, mean, spread);
			}
		}
		boolean warm = Duration.between(first, t).compareTo(settings.warmup()) >= 0;
		boolean big = value >= expected * settings.minRatio() && value - expected >= settings.minExcess();
		boolean novelty = !settings.noveltyWindow().isZero();
		boolean novel = !novelty || y > recent.max() + Math.log(settings.noveltyRatio());
		recent.add(t, y);
		boolean spike = big && novel;
		double judged = score;
		if (shift != null) {
			// Level shift: a sustained rise that no single bucket makes remarkable.
			shift.add(score, y);
			double shiftScore = shift.meanScore() * settings.shiftGain();
			double meanLog = shift.meanLog();
			boolean shiftNovel = !novelty || meanLog > recentShift.max() + Math.log(settings.noveltyRatio());
			recentShift.add(t, meanLog);
			if (shift.full() && shiftNovel && shiftScore > score && score > 0) {
				judged = shiftScore;
				spike = true;
			}
		}
		boolean surprising = settings.surpriseWindow().isZero() || judged >= surprises.max() * settings.surpriseRatio();
		if (!settings.surpriseWindow().isZero()) {
			surprises.add(t, judged);
		}
		// A series too young to have usual scores is judged by the other gates alone.
		boolean beyondUsual = calibration == null || calibration.beyondUsual(judged, settings.calibrationThreshold());
		boolean rested = lastAlert == null || Duration.between(lastAlert, t).compareTo(settings.refractory()) >= 0;
		boolean hot = warm && spike && surprising && beyondUsual && rested;
		double opening = judged;
		if (pattern != null) {
			// The pattern-novelty test opens the event, alone or on top of the count score's gates.
			boolean novelPattern = pattern.observe(settings.pattern().scale().of(value));
			hot = warm && rested && novelPattern
					&& (!settings.pattern().combined() || hot && judged >= settings.threshold());
			opening = hot ? Math.max(judged, settings.threshold()) : judged;
		}
		Signal signal = events.step(t, opening, hot);
		if (signal == Signal.OPENED) {
			lastAlert = t;
		}
		learn(t, y, residual, sd, poisson, airing, known, offset, expectedLog);
		return new Step(t, value, expected, judged, signal, airing != null);
	}

	private double authorCapped(double count, double authors) {
		if (Double.isNaN(authors) || authors <= 0 || count <= 0) {
			return count;
		}
		double ratio = count / authors;
		if (Double.isNaN(itemsPerAuthor)) {
			itemsPerAuthor = ratio;
		}
		double capped = Math.min(count, authors * Math.max(1.0, itemsPerAuthor) * 1.5);
		// Learn the usual items-per-author slowly, and not from the loud bucket itself.
		itemsPerAuthor += 0.05 * (Math.min(ratio, itemsPerAuthor * 1.5) - itemsPerAuthor);
		return capped;
	}

	private void learn(Instant t, double y, double residual, double sd, double poisson, @Nullable Airing airing,
			boolean known, int offset, double expectedLog) {
		double clipped = Math.max(-CLIP * sd, Math.min(CLIP * sd, residual));
		double learnt = expectedLog + clipped;
		// Only the spread beyond Poisson noise is learnt: the Poisson part is added back per bucket.
		double excess = clipped * clipped - poisson;
		if (airing == null) {
			double season = rhythm.offset(t);
			level += levelRate * (learnt - season - level);
			rhythm.learn(t, learnt - level);
			variance = Math.max(MIN_VARIANCE, variance + scaleRate * (excess - variance));
			return;
		}
		airingLevel += airingLevelRate * (learnt - airingLevel);
		if (!known) {
			variance = Math.max(MIN_VARIANCE, variance + scaleRate * (excess - variance));
		}
		if (thisAiring != null) {
			thisAiring.record(offset, y - airingBase);
		}
	}

	private void switchAiring(@Nullable Airing airing) {
		if (current != null && thisAiring != null) {
			// The airing is over: fold it into its programme's profile.
			profiles.computeIfAbsent(current.programme(), k -> new AiringProfile(settings.learnRate()))
				.merge(thisAiring);
		}
		current = airing;
		thisAiring = null;
		if (airing != null) {
			airingBase = level + rhythm.offset(airing.start());
			airingLevel = airingBase;
			thisAiring = new AiringProfile(settings.learnRate());
		}
	}

	private @Nullable Airing airingAt(Instant t) {
		for (Airing a : airings) {
			if (a.covers(t, afterglow)) {
				return a;
			}
			if (a.start().isAfter(t)) {
				break;
			}
		}
		return null;
	}

	/**
	 * Replaces the airings the detector knows (the schedule was imported again); what it learnt
	 * from past airings is kept.
	 */
	public void airings(List<Airing> value) {
		this.airings = value.stream().sorted(Comparator.comparing(Airing::start)).toList();
	}

	/** When the open event started; empty when none is open. */
	public Optional<Instant> openSince() {
		return events.openedAt();
	}

	/** The highest score of the open event; 0 when none is open. */
	public double openPeak() {
		return events.peak();
	}

	public Duration bucket() {
		return bucket;
	}
}
