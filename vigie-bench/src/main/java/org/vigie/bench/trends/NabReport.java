package org.vigie.bench.trends;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.vigie.trends.detect.SpikeDetector;
import org.vigie.trends.detect.SpikeSettings;

/** The {@code nab} part of {@link TrendsHarness}. */
final class NabReport {

	private static final List<String> PUBLISHED = List.of("ARTime", "numenta", "twitterADVec", "contextOSE",
			"earthgeckoSkyline");

	private NabReport() {
	}

	/** The calibration thresholds tried, in order; 0 stands for the calibration turned off. */
	static final double[] CALIBRATION = { 0, 3, 4, 4.5, 5, 5.5 };

	/**
	 * Candidate settings around the bursty-series profile: the novelty gate, the surprise gate, the
	 * calibration against the series' own scores, the refractory period, the score threshold and the
	 * level-shift test. Keys end with the calibration threshold, so that neighbours along that axis
	 * share the rest of their key.
	 */
	static Map<String, SpikeSettings> grid() {
		Map<String, SpikeSettings> grid = new LinkedHashMap<>();
		for (double novelty : new double[] { 0, 0.3, 0.5 }) {
			for (double surprise : new double[] { 0, 0.5 }) {
				for (int refractoryHours : new int[] { 0, 12, 24 }) {
					for (double threshold : new double[] { 2.5, 3.0, 4.0 }) {
						for (int shiftHours : new int[] { 0, 3 }) {
							for (double calibration : CALIBRATION) {
								SpikeSettings s = SpikeSettings.forBurstySeries().withThreshold(threshold)
									.withNoveltyWindow(Duration.ofDays(novelty == 0 ? 0 : 21))
									.withNoveltyRatio(novelty == 0 ? 1 : novelty)
									.withSurpriseWindow(Duration.ofDays(surprise == 0 ? 0 : 14))
									.withSurpriseRatio(surprise == 0 ? 1 : surprise)
									.withRefractory(Duration.ofHours(refractoryHours))
									.withShiftWindow(Duration.ofHours(shiftHours))
									.withCalibrationWindow(Duration.ofDays(calibration == 0 ? 0 : 21))
									.withCalibrationThreshold(calibration);
								grid.put(key(novelty, surprise, refractoryHours, threshold, shiftHours, calibration), s);
							}
						}
					}
				}
			}
		}
		return grid;
	}

	private static String key(double novelty, double surprise, int refractoryHours, double threshold, int shiftHours,
			double calibration) {
		return String.format(Locale.ROOT,
				"novelty 21d x%.1f, surprise 14d x%.1f, refractory %2dh, threshold %.1f, shift %dh x2.5, calibration %s",
				novelty, surprise, refractoryHours, threshold, shiftHours,
				calibration == 0 ? "off" : String.format(Locale.ROOT, "21d %.1f", calibration));
	}

	/** The keys of a setting's neighbours along the calibration axis (the setting itself included). */
	static List<String> neighbours(String key) {
		String prefix = key.substring(0, key.lastIndexOf("calibration ") + "calibration ".length());
		List<String> keys = new ArrayList<>();
		for (int i = 1; i < CALIBRATION.length; i++) {
			String own = String.format(Locale.ROOT, "21d %.1f", CALIBRATION[i]);
			if (key.endsWith(own)) {
				for (int j = Math.max(1, i - 1); j <= Math.min(CALIBRATION.length - 1, i + 1); j++) {
					keys.add(prefix + String.format(Locale.ROOT, "21d %.1f", CALIBRATION[j]));
				}
				return keys;
			}
		}
		return List.of(key);
	}

	static boolean[] detections(NabCorpus.Series series, SpikeSettings settings) {
		SpikeDetector detector = new SpikeDetector(settings, Duration.ofMinutes(5));
		boolean[] flags = new boolean[series.values().length];
		for (int i = 0; i < flags.length; i++) {
			flags[i] = detector.observe(series.timestamps().get(i).toInstant(ZoneOffset.UTC), series.values()[i]).alert();
		}
		return flags;
	}

	/** Raw score summed over {@code tickers}, and the windows they hold. */
	static double[] raw(NabCorpus corpus, Map<String, boolean[]> flags, Collection<String> tickers,
			NabScorer.Profile profile) {
		double raw = 0;
		int windows = 0;
		for (NabCorpus.Series s : corpus.series()) {
			if (tickers.contains(s.ticker())) {
				NabScorer.Result r = NabScorer.score(s.timestamps(), flags.get(s.ticker()), s.windows(), profile);
				raw += r.score();
				windows += r.windows();
			}
		}
		return new double[] { raw, windows };
	}

	/**
	 * The settings scored: {@code bursty} (what the figures beside the published detectors use),
	 * {@code app} (the app's defaults, what {@code TrendEngine} runs) or {@code app-uncalibrated} (the
	 * app's defaults without the score calibration, to see what it brings).
	 */
	static SpikeSettings profile(String name) {
		return switch (name) {
			case "bursty" -> SpikeSettings.forBurstySeries();
			case "app" -> SpikeSettings.DEFAULTS;
			case "app-uncalibrated" -> SpikeSettings.DEFAULTS.withCalibrationWindow(Duration.ZERO);
			default -> throw new IllegalArgumentException("--profile is bursty, app or app-uncalibrated");
		};
	}

	static void run(Path data, boolean tune, String profileName, PrintStream out) throws IOException {
		NabCorpus corpus = NabCorpus.load(data.resolve("nab-realtweets"));
		List<String> all = new ArrayList<>(NabCorpus.TUNING);
		all.addAll(NabCorpus.HELD_OUT);
		if (tune) {
			tune(corpus, out);
		}
		SpikeSettings settings = profile(profileName);
		// The detector runs once per file; the three profiles score the same alerts.
		Map<String, boolean[]> chosen = run(corpus, settings, all);
		Map<String, Map<String, Map<String, Double>>> published = published(data.resolve("nab-realtweets"));
		out.println("NAB realTweets, normalised scores (100 = perfect, 0 = never fires).");
		out.println("Vigie runs the " + profileName + " profile" + ("bursty".equals(profileName)
				? " (SpikeSettings.forBurstySeries()), chosen on the tuning tickers " + NabCorpus.TUNING + " only (nab --tune)"
				: "") + "; held-out tickers: " + NabCorpus.HELD_OUT + ".");
		out.println("Published detectors' thresholds were optimised by NAB over all 58 NAB files, these included.");
		out.println("Settings: " + settings);
		for (NabScorer.Profile profile : NabScorer.Profile.ALL) {
			out.println();
			out.println("Profile " + profile.name());
			out.printf(Locale.ROOT, "  %-18s %8s %8s %8s%n", "detector", "tuning", "held-out", "all 10");
			out.printf(Locale.ROOT, "  %-18s %8.1f %8.1f %8.1f%n", "Vigie", score(corpus, chosen, NabCorpus.TUNING, profile),
					score(corpus, chosen, NabCorpus.HELD_OUT, profile), score(corpus, chosen, all, profile));
			for (String detector : PUBLISHED) {
				Map<String, Double> files = published.getOrDefault(detector, Map.of()).getOrDefault(profile.name(), Map.of());
				out.printf(Locale.ROOT, "  %-18s %8.1f %8.1f %8.1f%n", detector,
						publishedScore(corpus, files, NabCorpus.TUNING, profile),
						publishedScore(corpus, files, NabCorpus.HELD_OUT, profile),
						publishedScore(corpus, files, all, profile));
			}
			for (NabCorpus.Series s : corpus.series()) {
				NabScorer.Result r = NabScorer.score(s.timestamps(), chosen.get(s.ticker()), s.windows(), profile);
				out.printf(Locale.ROOT, "    %-5s raw %6.2f, windows detected %d/%d, false positives %d%n", s.ticker(),
						r.score(), r.tp(), r.windows(), r.fp());
			}
		}
	}

	/**
	 * Prints every setting of the grid with its scores on the tuning tickers only, and the choice per
	 * profile: the best score over a setting and its neighbours on the calibration axis (the worst of
	 * the three), so that a setting at the edge of a cliff is not taken.
	 */
	private static void tune(NabCorpus corpus, PrintStream out) {
		Map<String, SpikeSettings> grid = grid();
		Map<String, Map<String, boolean[]>> runs = new LinkedHashMap<>();
		for (Map.Entry<String, SpikeSettings> e : grid.entrySet()) {
			// Only the tuning tickers are run.
			runs.put(e.getKey(), run(corpus, e.getValue(), NabCorpus.TUNING));
		}
		out.println("Tuning tickers only " + NabCorpus.TUNING + ": standard / low FP / low FN, then the plateau (worst of"
				+ " the setting and its calibration neighbours).");
		for (NabScorer.Profile profile : NabScorer.Profile.ALL) {
			Map<String, Double> scores = new LinkedHashMap<>();
			for (Map.Entry<String, Map<String, boolean[]>> run : runs.entrySet()) {
				scores.put(run.getKey(), score(corpus, run.getValue(), NabCorpus.TUNING, profile));
			}
			String best = null;
			double bestPlateau = Double.NEGATIVE_INFINITY;
			for (String key : scores.keySet()) {
				double plateau = neighbours(key).stream().mapToDouble(scores::get).min().orElseThrow();
				out.printf(Locale.ROOT, "  [%s] %s: tuning %.1f, plateau %.1f%n", profile.name(), key, scores.get(key),
						plateau);
				if (plateau > bestPlateau) {
					bestPlateau = plateau;
					best = key;
				}
			}
			String top = scores.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
			out.printf(Locale.ROOT, "Profile %s: best plateau %s (tuning %.1f, plateau %.1f); best single setting %s (%.1f)%n",
					profile.name(), best, scores.get(best), bestPlateau, top, scores.get(top));
			out.println("  bursty profile is " + (grid.get(best).equals(SpikeSettings.forBurstySeries()) ? "" : "NOT ")
					+ "the plateau choice");
		}
		out.println();
	}

	private static Map<String, boolean[]> run(NabCorpus corpus, SpikeSettings settings, Collection<String> tickers) {
		Map<String, boolean[]> flags = new TreeMap<>();
		for (NabCorpus.Series s : corpus.series()) {
			if (tickers.contains(s.ticker())) {
				flags.put(s.ticker(), detections(s, settings));
			}
		}
		return flags;
	}

	private static double score(NabCorpus corpus, Map<String, boolean[]> flags, Collection<String> tickers,
			NabScorer.Profile profile) {
		double[] r = raw(corpus, flags, tickers, profile);
		return NabScorer.normalise(r[0], (int) r[1], profile);
	}

	private static double publishedScore(NabCorpus corpus, Map<String, Double> files, Collection<String> tickers,
			NabScorer.Profile profile) {
		double raw = 0;
		int windows = 0;
		for (NabCorpus.Series s : corpus.series()) {
			if (tickers.contains(s.ticker())) {
				raw += files.getOrDefault(s.ticker(), Double.NaN);
				windows += s.windows().size();
			}
		}
		return NabScorer.normalise(raw, windows, profile);
	}

	/** detector → profile → ticker → published raw score. */
	static Map<String, Map<String, Map<String, Double>>> published(Path dir) throws IOException {
		Map<String, Map<String, Map<String, Double>>> scores = new TreeMap<>();
		List<String> lines = Files.readAllLines(dir.resolve("published-results/realTweets_scores_by_detector.csv"));
		for (String line : lines.subList(1, lines.size())) {
			String[] p = line.split(",");
			String ticker = p[2].replace("realTweets/Twitter_volume_", "").replace(".csv", "");
			scores.computeIfAbsent(p[0], k -> new TreeMap<>()).computeIfAbsent(p[1], k -> new TreeMap<>())
				.put(ticker, Double.parseDouble(p[4]));
		}
		return scores;
	}
}
