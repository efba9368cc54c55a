package org.vigie.bench.trends;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.vigie.trends.detect.PatternSettings;
import org.vigie.trends.detect.SpikeDetector;
import org.vigie.trends.detect.SpikeSettings;

/**
 * The tuning grid of the pattern test ({@code nab --tune --profile pattern}, on the {@code pattern}
 * profile; {@code nab --tune --profile app}, on the application's defaults): every setting scored on
 * the tuning tickers only, and a leave-one-ticker-out check within them (choose on four,
 * score the fifth), so that the choice is judged on files it was not made on without touching the
 * held-out tickers.
 */
final class PatternReport {

	/** The vigilances tried, in order along their axis. */
	static final double[] VIGILANCE = { 0.94, 0.95, 0.96, 0.97, 0.98, 0.99, 0.995, 0.998 };

	/** How far below the vigilance the alarm vigilance lies, in order along that axis. */
	static final double[] DROP = { 0.002, 0.005, 0.01, 0.02 };

	private PatternReport() {
	}

	/**
	 * What a grid is built on and compared with: the settings shipped, the count score's settings the
	 * pattern test is added to, and the refractory periods tried.
	 */
	record Family(String name, SpikeSettings shipped, SpikeSettings base, int[] refractoryHours) {
	}

	/** The {@code pattern} profile: the bursty gates without the surprise gate; refractory 12 or 24 hours. */
	static final Family PATTERN = new Family("pattern", SpikeSettings.forNovelPatterns(), SpikeSettings.forNovelPatterns(),
			new int[] { 12, 24 });

	/** The application's defaults ({@code nab --tune --profile app}): no refractory period, as in the app. */
	static final Family APP = new Family("app", SpikeSettings.DEFAULTS, SpikeSettings.DEFAULTS, new int[] { 0 });

	/** The pattern profile as shipped: {@code SpikeSettings.forNovelPatterns()}. */
	static SpikeSettings profile() {
		return SpikeSettings.forNovelPatterns();
	}

	/**
	 * One setting of the grid: the family's count score with fuzzy ART over the last
	 * {@code windowHours} averaged into {@code segments}.
	 */
	static SpikeSettings setting(Family family, int windowHours, int segments, double vigilance, double alarm,
			boolean rising, PatternSettings.Scale scale, int refractoryHours) {
		PatternSettings p = family.base().pattern();
		return family.base().withRefractory(Duration.ofHours(refractoryHours))
			.withPattern(new PatternSettings(Duration.ofHours(windowHours), segments, vigilance, alarm, p.learnRate(),
					p.categories(), rising, true, scale));
	}

	static String key(int windowHours, int segments, double vigilance, double alarm, boolean rising,
			PatternSettings.Scale scale, int refractoryHours) {
		return String.format(Locale.ROOT, "window %dh/%d, vigilance %.3f, alarm %.3f, %s, %s, refractory %2dh",
				windowHours, segments, vigilance, alarm, rising ? "rising" : "any", scale.name().toLowerCase(Locale.ROOT),
				refractoryHours);
	}

	/**
	 * The grid a family's pattern test is chosen from: window 3 or 6 hours in 3 or 6 segments,
	 * vigilance, alarm vigilance just below it, rising only or any novelty, counts, log-counts or
	 * square roots, and the family's refractory periods.
	 */
	static Map<String, SpikeSettings> grid(Family family) {
		Map<String, SpikeSettings> grid = new LinkedHashMap<>();
		for (int window : new int[] { 3, 6 }) {
			for (int segments : new int[] { 3, 6 }) {
				for (double vigilance : VIGILANCE) {
					for (double drop : DROP) {
						for (boolean rising : new boolean[] { true, false }) {
							for (PatternSettings.Scale scale : PatternSettings.Scale.values()) {
								for (int refractory : family.refractoryHours()) {
									double alarm = Math.round((vigilance - drop) * 1000) / 1000.0;
									grid.put(key(window, segments, vigilance, alarm, rising, scale, refractory), setting(
											family, window, segments, vigilance, alarm, rising, scale, refractory));
								}
							}
						}
					}
				}
			}
		}
		return grid;
	}

	/**
	 * A setting and its neighbours one step away along the vigilance or the alarm axis (the two that
	 * set how novel a pattern must be), all else equal.
	 */
	static List<String> neighbours(Map<String, SpikeSettings> grid, String key) {
		PatternSettings p = grid.get(key).pattern();
		int v = index(VIGILANCE, p.vigilance());
		int d = index(DROP, Math.round((p.vigilance() - p.alarmVigilance()) * 1000) / 1000.0);
		List<String> keys = new ArrayList<>();
		for (int[] step : new int[][] { { 0, 0 }, { -1, 0 }, { 1, 0 }, { 0, -1 }, { 0, 1 } }) {
			int vi = v + step[0];
			int di = d + step[1];
			if (vi < 0 || vi >= VIGILANCE.length || di < 0 || di >= DROP.length) {
				continue;
			}
			double alarm = Math.round((VIGILANCE[vi] - DROP[di]) * 1000) / 1000.0;
			keys.add(key(hours(p), p.segments(), VIGILANCE[vi], alarm, p.rising(), p.scale(),
					(int) grid.get(key).refractory().toHours()));
		}
		return keys;
	}

	private static int hours(PatternSettings p) {
		return (int) p.window().toHours();
	}

	private static int index(double[] axis, double value) {
		for (int i = 0; i < axis.length; i++) {
			if (Math.abs(axis[i] - value) < 1e-9) {
				return i;
			}
		}
		throw new IllegalArgumentException("not on the axis: " + value);
	}

	/** The worst score over a setting and its {@link #neighbours} in {@code grid}. */
	static double plateau(NabReport.Evaluation eval, Map<String, SpikeSettings> grid, String key,
			Collection<String> tickers, NabScorer.Profile profile) {
		// Neighbours outside the grid scored (failing learnsRepeats) do not count.
		return neighbours(grid, key).stream().filter(grid::containsKey).mapToDouble(k -> eval.score(k, tickers, profile))
			.min().orElseThrow();
	}

	/**
	 * The behaviour the product asks of the pattern test, checked on synthetic series before any
	 * score counts: a burst repeated every day at the same hour alerts the first day and no more after
	 * a week. Days of about 20 items per 5 minutes; from day 4 on, two hours at about 200 every
	 * afternoon. Two series: steady (20 to 24 and 200 to 204 items: the count score alone keeps
	 * alerting on it every day, as its spread is learnt too small for the calibration to absorb the
	 * burst, so only a test that learns the shape passes) and Poisson (the counting noise of real
	 * series, which a vigilance finer than the noise never learns). The setting must alert on day 4
	 * and never from day 8 to day 13 on both.
	 */
	static boolean learnsRepeats(SpikeSettings settings) {
		return learnsRepeats(settings, false) && learnsRepeats(settings, true);
	}

	static boolean learnsRepeats(SpikeSettings settings, boolean poisson) {
		Random random = new Random(7);
		SpikeDetector detector = new SpikeDetector(settings, Duration.ofMinutes(5));
		Instant start = Instant.parse("2026-01-05T00:00:00Z");
		boolean first = false;
		for (int i = 0; i < 14 * 288; i++) {
			int minute = (i % 288) * 5;
			boolean burst = i >= 4 * 288 && minute >= 14 * 60 && minute < 16 * 60;
			double mean = burst ? 200 : 20;
			// Poisson by its normal approximation, good enough from 20 on.
			double value = poisson ? Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()))
					: mean + random.nextInt(5);
			boolean alert = detector.observe(start.plus(Duration.ofMinutes(5L * i)), value).alert();
			first |= alert && i / 288 == 4;
			if (alert && i / 288 >= 8) {
				return false;
			}
		}
		return first;
	}

	static void tune(NabCorpus corpus, Family family, PrintStream out) {
		Map<String, SpikeSettings> all = grid(family);
		Map<String, SpikeSettings> grid = new LinkedHashMap<>();
		for (Map.Entry<String, SpikeSettings> e : all.entrySet()) {
			if (learnsRepeats(e.getValue())) {
				grid.put(e.getKey(), e.getValue());
			}
		}
		out.println("Pattern grid: " + all.size() + " settings, " + grid.size()
				+ " of which stop alerting on a burst repeated daily, steady or Poisson (learnsRepeats); only those are scored.");
		NabReport.Evaluation eval = NabReport.evaluate(corpus, grid, NabCorpus.TUNING);
		out.println("Pattern test on the " + family.name() + " profile, tuning tickers only " + NabCorpus.TUNING + ": score, windows found, false positives.");
		for (NabScorer.Profile profile : NabScorer.Profile.ALL) {
			for (String key : grid.keySet()) {
				out.printf(Locale.ROOT, "  [%s] %s: tuning %.1f, plateau %.1f, windows %d, false positives %d%n",
						profile.name(), key, eval.score(key, NabCorpus.TUNING, profile),
						plateau(eval, grid, key, NabCorpus.TUNING, profile), eval.count(key, NabCorpus.TUNING, profile, true),
						eval.count(key, NabCorpus.TUNING, profile, false));
			}
			String best = best(eval, grid, NabCorpus.TUNING, profile);
			out.printf(Locale.ROOT,
					"Profile %s, best plateau on the tuning tickers: %s (tuning %.1f, plateau %.1f, false positives %d)%n",
					profile.name(), best, eval.score(best, NabCorpus.TUNING, profile),
					plateau(eval, grid, best, NabCorpus.TUNING, profile), eval.count(best, NabCorpus.TUNING, profile, false));
			out.println("  " + family.name() + " profile is " + (grid.get(best).equals(family.shipped()) ? "" : "NOT ")
					+ "this choice");
			double raw = 0;
			int windows = 0;
			for (String t : NabCorpus.TUNING) {
				List<String> others = NabCorpus.TUNING.stream().filter(o -> !o.equals(t)).toList();
				String chosen = best(eval, grid, others, profile);
				NabScorer.Result r = eval.result(chosen, t, profile);
				raw += r.score();
				windows += r.windows();
				out.printf(Locale.ROOT, "    leave out %-5s raw %6.2f, windows %d/%d, false positives %d: %s%n", t,
						r.score(), r.tp(), r.windows(), r.fp(), chosen);
			}
			out.printf(Locale.ROOT, "  leave one tuning ticker out, pooled over the five: %.1f%n",
					NabScorer.normalise(raw, windows, profile));
		}
		out.println();
	}

	/**
	 * The best plateau on {@code tickers}; ties go to the fewest false positives, then to the first in
	 * the grid.
	 */
	static String best(NabReport.Evaluation eval, Map<String, SpikeSettings> grid, Collection<String> tickers,
			NabScorer.Profile profile) {
		String best = null;
		double bestPlateau = Double.NEGATIVE_INFINITY;
		for (String key : grid.keySet()) {
			double plateau = plateau(eval, grid, key, tickers, profile);
			if (best == null || plateau > bestPlateau + 1e-9 || Math.abs(plateau - bestPlateau) <= 1e-9
					&& eval.count(key, tickers, profile, false) < eval.count(best, tickers, profile, false)) {
				best = key;
				bestPlateau = plateau;
			}
		}
		return best;
	}
}
