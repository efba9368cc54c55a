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
 * The tuning grid of the {@code pattern} profile ({@code nab --tune --profile pattern}): every setting
 * scored on the tuning tickers only, and a leave-one-ticker-out check within them (choose on four,
 * score the fifth), so that the choice is judged on files it was not made on without touching the
 * held-out tickers.
 */
final class PatternReport {

	/** The vigilances tried, in order along their axis. */
	static final double[] VIGILANCE = { 0.97, 0.98, 0.99, 0.995, 0.998 };

	/** How far below the vigilance the alarm vigilance lies, in order along that axis. */
	static final double[] DROP = { 0.002, 0.005, 0.01, 0.02 };

	private PatternReport() {
	}

	/** The pattern profile as shipped: {@code SpikeSettings.forNovelPatterns()}. */
	static SpikeSettings profile() {
		return SpikeSettings.forNovelPatterns();
	}

	/**
	 * One setting of the grid: the count score of the bursty profile without its surprise gate (the
	 * pattern test judges how usual a burst is), with fuzzy ART over the last {@code windowHours}
	 * averaged into {@code segments}.
	 */
	static SpikeSettings setting(int windowHours, int segments, double vigilance, double alarm, boolean rising,
			boolean logScale, int refractoryHours) {
		PatternSettings p = profile().pattern();
		return profile().withRefractory(Duration.ofHours(refractoryHours))
			.withPattern(new PatternSettings(Duration.ofHours(windowHours), segments, vigilance, alarm, p.learnRate(),
					p.categories(), rising, p.combined(), logScale));
	}

	static String key(int windowHours, int segments, double vigilance, double alarm, boolean rising, boolean logScale,
			int refractoryHours) {
		return String.format(Locale.ROOT, "window %dh/%d, vigilance %.3f, alarm %.3f, %s, %s, refractory %2dh",
				windowHours, segments, vigilance, alarm, rising ? "rising" : "any", logScale ? "log" : "counts",
				refractoryHours);
	}

	/**
	 * The grid the pattern profile was chosen from: window 3 or 6 hours in 3 or 6 segments, vigilance,
	 * alarm vigilance just below it, rising only or any novelty, counts or log-counts, refractory 12 or
	 * 24 hours.
	 */
	static Map<String, SpikeSettings> grid() {
		Map<String, SpikeSettings> grid = new LinkedHashMap<>();
		for (int window : new int[] { 3, 6 }) {
			for (int segments : new int[] { 3, 6 }) {
				for (double vigilance : VIGILANCE) {
					for (double drop : DROP) {
						for (boolean rising : new boolean[] { true, false }) {
							for (boolean logScale : new boolean[] { false, true }) {
								for (int refractory : new int[] { 12, 24 }) {
									double alarm = Math.round((vigilance - drop) * 1000) / 1000.0;
									grid.put(key(window, segments, vigilance, alarm, rising, logScale, refractory),
											setting(window, segments, vigilance, alarm, rising, logScale, refractory));
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
			keys.add(key(hours(p), p.segments(), VIGILANCE[vi], alarm, p.rising(), p.logScale(),
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
	 * The behaviour the product asks of the pattern test, checked on a synthetic series before any
	 * score counts: a burst repeated every day at the same hour alerts the first day and no more after
	 * a week. Steady days of 20 to 24 items per 5 minutes; from day 4 on, two hours at 200 to 204 every
	 * afternoon. The count score alone keeps alerting on this series every day (its spread is learnt
	 * too small for the calibration to absorb the daily burst), so only a pattern test that learns the
	 * shape passes: it must alert on day 4 and never from day 8 to day 13.
	 */
	static boolean learnsRepeats(SpikeSettings settings) {
		Random random = new Random(7);
		SpikeDetector detector = new SpikeDetector(settings, Duration.ofMinutes(5));
		Instant start = Instant.parse("2026-01-05T00:00:00Z");
		boolean first = false;
		for (int i = 0; i < 14 * 288; i++) {
			int minute = (i % 288) * 5;
			boolean burst = i >= 4 * 288 && minute >= 14 * 60 && minute < 16 * 60;
			boolean alert = detector.observe(start.plus(Duration.ofMinutes(5L * i)), (burst ? 200 : 20) + random.nextInt(5))
				.alert();
			first |= alert && i / 288 == 4;
			if (alert && i / 288 >= 8) {
				return false;
			}
		}
		return first;
	}

	static void tune(NabCorpus corpus, PrintStream out) {
		Map<String, SpikeSettings> all = grid();
		Map<String, SpikeSettings> grid = new LinkedHashMap<>();
		for (Map.Entry<String, SpikeSettings> e : all.entrySet()) {
			if (learnsRepeats(e.getValue())) {
				grid.put(e.getKey(), e.getValue());
			}
		}
		out.println("Pattern grid: " + all.size() + " settings, " + grid.size()
				+ " of which stop alerting on a burst repeated daily (learnsRepeats); only those are scored.");
		NabReport.Evaluation eval = NabReport.evaluate(corpus, grid, NabCorpus.TUNING);
		out.println("Pattern profile, tuning tickers only " + NabCorpus.TUNING + ": score, windows found, false positives.");
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
			out.println("  pattern profile is " + (grid.get(best).equals(profile()) ? "" : "NOT ") + "this choice");
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
