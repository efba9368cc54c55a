package org.vigie.bench.trends;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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

import org.vigie.trends.detect.PatternSettings;
import org.vigie.trends.detect.SpikeDetector;
import org.vigie.trends.detect.SpikeSettings;

/** The {@code nab} part of {@link TrendsHarness}. */
final class NabReport {

	private static final List<String> PUBLISHED = List.of("ARTime", "numenta", "twitterADVec", "contextOSE",
			"earthgeckoSkyline");

	private NabReport() {
	}

	/**
	 * The calibrations tried, in order along their axis: off, the mean plus k standard deviations of
	 * the series' own scores ({@code sd k}), or a quantile of them ({@code q p}); 21 days each.
	 */
	static final List<String> CALIBRATION = List.of("off", "sd 3.0", "sd 4.0", "sd 4.5", "sd 5.0", "sd 5.5", "q 0.990",
			"q 0.995", "q 0.998", "q 0.999", "q 0.9995");

	/**
	 * Candidate settings around the bursty-series profile: the novelty gate, the surprise gate, the
	 * refractory period, the score threshold, the level-shift test, the score (deviation of the log
	 * count, or the count's negative-binomial tail) and the calibration against the series' own
	 * scores. Keys end with the calibration, so that neighbours along that axis share the rest of
	 * their key.
	 */
	static Map<String, SpikeSettings> grid() {
		Map<String, SpikeSettings> grid = new LinkedHashMap<>();
		for (double novelty : new double[] { 0, 0.3, 0.5 }) {
			for (double surprise : new double[] { 0, 0.5 }) {
				for (int refractoryHours : new int[] { 0, 12, 24, 48 }) {
					for (double threshold : new double[] { 2.5, 3.0, 4.0 }) {
						for (int shiftHours : new int[] { 0, 3 }) {
							for (boolean countTail : new boolean[] { false, true }) {
								for (String calibration : CALIBRATION) {
									SpikeSettings s = SpikeSettings.forBurstySeries().withThreshold(threshold)
										.withNoveltyWindow(Duration.ofDays(novelty == 0 ? 0 : 21))
										.withNoveltyRatio(novelty == 0 ? 1 : novelty)
										.withSurpriseWindow(Duration.ofDays(surprise == 0 ? 0 : 14))
										.withSurpriseRatio(surprise == 0 ? 1 : surprise)
										.withRefractory(Duration.ofHours(refractoryHours))
										.withShiftWindow(Duration.ofHours(shiftHours))
										.withCountTail(countTail);
									s = calibrated(s, calibration);
									grid.put(key(novelty, surprise, refractoryHours, threshold, shiftHours, countTail,
											calibration), s);
								}
							}
						}
					}
				}
			}
		}
		return grid;
	}

	/** {@code settings} with one of the {@link #CALIBRATION} choices. */
	static SpikeSettings calibrated(SpikeSettings settings, String calibration) {
		if (calibration.equals("off")) {
			return settings.withCalibrationWindow(Duration.ZERO).withCalibrationThreshold(4.5).withCalibrationQuantile(0);
		}
		double value = Double.parseDouble(calibration.substring(calibration.indexOf(' ') + 1));
		SpikeSettings s = settings.withCalibrationWindow(Duration.ofDays(21));
		return calibration.startsWith("sd") ? s.withCalibrationThreshold(value).withCalibrationQuantile(0)
				: s.withCalibrationThreshold(4.5).withCalibrationQuantile(value);
	}

	private static String key(double novelty, double surprise, int refractoryHours, double threshold, int shiftHours,
			boolean countTail, String calibration) {
		return String.format(Locale.ROOT,
				"novelty 21d x%.1f, surprise 14d x%.1f, refractory %2dh, threshold %.1f, shift %dh x2.5, score %s, calibration %s",
				novelty, surprise, refractoryHours, threshold, shiftHours, countTail ? "count tail" : "log dev.",
				calibration.equals("off") ? "off" : "21d " + calibration);
	}

	/**
	 * The keys of a setting's neighbours along the calibration axis, within its kind (standard
	 * deviations or quantiles), the setting itself included.
	 */
	static List<String> neighbours(String key) {
		String prefix = key.substring(0, key.lastIndexOf("calibration ") + "calibration ".length());
		String own = key.substring(prefix.length()).replace("21d ", "");
		int i = CALIBRATION.indexOf(own);
		if (i <= 0) {
			return List.of(key);
		}
		List<String> keys = new ArrayList<>();
		String kind = own.substring(0, own.indexOf(' '));
		for (int j = i - 1; j <= i + 1; j++) {
			if (j > 0 && j < CALIBRATION.size() && CALIBRATION.get(j).startsWith(kind)) {
				keys.add(prefix + "21d " + CALIBRATION.get(j));
			}
		}
		return keys;
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
	 * {@code pattern} (the count score plus fuzzy ART's pattern novelty, {@link PatternReport}),
	 * {@code pattern-off} (the same without its pattern test, to see what the test brings), {@code app}
	 * (the app's defaults, what {@code TrendEngine} runs), {@code app-unpatterned} (the same with
	 * {@code vigie.trends.pattern-novelty} off) or {@code app-uncalibrated} (without the pattern test
	 * and the score calibration, as before both, to see what the calibration brings).
	 */
	static SpikeSettings profile(String name) {
		return switch (name) {
			case "bursty" -> SpikeSettings.forBurstySeries();
			case "app" -> SpikeSettings.DEFAULTS;
			case "app-uncalibrated" -> SpikeSettings.DEFAULTS.withCalibrationWindow(Duration.ZERO)
				.withPattern(PatternSettings.OFF);
			case "pattern" -> PatternReport.profile();
			case "pattern-off" -> PatternReport.profile().withPattern(PatternSettings.OFF);
			case "app-unpatterned" -> SpikeSettings.DEFAULTS.withPattern(PatternSettings.OFF);
			default -> throw new IllegalArgumentException("--profile is bursty, pattern, pattern-off, app, app-unpatterned or app-uncalibrated");
		};
	}

	static void run(Path data, boolean tune, boolean crossValidate, String profileName, PrintStream out)
			throws IOException {
		run(data, tune, crossValidate, profileName, false, out);
	}

	/**
	 * @param tuningOnly when true, nothing of the held-out tickers is computed or printed (for choices
	 *        in progress)
	 */
	static void run(Path data, boolean tune, boolean crossValidate, String profileName, boolean tuningOnly,
			PrintStream out) throws IOException {
		NabCorpus corpus = NabCorpus.load(data.resolve("nab-realtweets"));
		List<String> all = new ArrayList<>(NabCorpus.TUNING);
		all.addAll(NabCorpus.HELD_OUT);
		if (tune && "pattern".equals(profileName)) {
			PatternReport.tune(corpus, PatternReport.PATTERN, out);
		}
		else if (tune && "app".equals(profileName)) {
			PatternReport.tune(corpus, PatternReport.APP, out);
		}
		else if (tune) {
			tune(corpus, out);
		}
		if (crossValidate) {
			crossValidate(corpus, out);
		}
		SpikeSettings settings = profile(profileName);
		if (tuningOnly) {
			all = new ArrayList<>(NabCorpus.TUNING);
		}
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
			if (tuningOnly) {
				out.printf(Locale.ROOT, "  %-18s %8.1f %8s %8s%n", "Vigie", score(corpus, chosen, NabCorpus.TUNING, profile),
						"-", "-");
			}
			else {
				out.printf(Locale.ROOT, "  %-18s %8.1f %8.1f %8.1f%n", "Vigie", score(corpus, chosen, NabCorpus.TUNING, profile),
						score(corpus, chosen, NabCorpus.HELD_OUT, profile), score(corpus, chosen, all, profile));
			}
			for (String detector : PUBLISHED) {
				Map<String, Double> files = published.getOrDefault(detector, Map.of()).getOrDefault(profile.name(), Map.of());
				out.printf(Locale.ROOT, "  %-18s %8.1f %8.1f %8.1f%n", detector,
						publishedScore(corpus, files, NabCorpus.TUNING, profile),
						publishedScore(corpus, files, NabCorpus.HELD_OUT, profile),
						publishedScore(corpus, files, all, profile));
			}
			for (NabCorpus.Series s : corpus.series()) {
				if (!chosen.containsKey(s.ticker())) {
					continue;
				}
				NabScorer.Result r = NabScorer.score(s.timestamps(), chosen.get(s.ticker()), s.windows(), profile);
				out.printf(Locale.ROOT, "    %-5s raw %6.2f, windows detected %d/%d, false positives %d%n", s.ticker(),
						r.score(), r.tp(), r.windows(), r.fp());
			}
		}
	}

	/**
	 * Prints every setting of the grid with its scores on the tuning tickers only, and the choice per
	 * profile by {@link Rule#PLATEAU_FEWER_FP}.
	 */
	private static void tune(NabCorpus corpus, PrintStream out) {
		Map<String, SpikeSettings> grid = grid();
		Evaluation eval = evaluate(corpus, grid, NabCorpus.TUNING);
		out.println("Tuning tickers only " + NabCorpus.TUNING + ": score, plateau (worst of the setting and its calibration"
				+ " neighbours), windows found, false positives.");
		for (NabScorer.Profile profile : NabScorer.Profile.ALL) {
			for (String key : grid.keySet()) {
				out.printf(Locale.ROOT, "  [%s] %s: tuning %.1f, plateau %.1f, windows %d, false positives %d%n",
						profile.name(), key, eval.score(key, NabCorpus.TUNING, profile),
						eval.plateau(key, NabCorpus.TUNING, profile), eval.count(key, NabCorpus.TUNING, profile, true),
						eval.count(key, NabCorpus.TUNING, profile, false));
			}
			for (Rule rule : Rule.values()) {
				String best = eval.choose(NabCorpus.TUNING, profile, rule);
				out.printf(Locale.ROOT, "Profile %s, rule %s: %s (tuning %.1f, plateau %.1f, false positives %d)%n",
						profile.name(), rule.description, best, eval.score(best, NabCorpus.TUNING, profile),
						eval.plateau(best, NabCorpus.TUNING, profile), eval.count(best, NabCorpus.TUNING, profile, false));
				out.println("  bursty profile is " + (grid.get(best).equals(SpikeSettings.forBurstySeries()) ? "" : "NOT ")
						+ "this choice");
			}
		}
		out.println();
	}

	/** How a setting is chosen on some files. */
	enum Rule {
		/** The best plateau: the worst score over a setting and its calibration neighbours. */
		PLATEAU("best plateau"),
		/**
		 * Among the settings that find the most windows and whose plateau lies within
		 * {@value #TOLERANCE} points of the best, the one with the fewest false positives (then the best
		 * plateau): the chosen files hardly tell close settings apart, and NAB charges false positives.
		 */
		PLATEAU_FEWER_FP("fewest false positives near the best plateau");

		static final double TOLERANCE = 1.0;

		final String description;

		Rule(String description) {
			this.description = description;
		}
	}

	/** Every setting's NAB results per file and profile. */
	record Evaluation(Map<String, Map<String, NabScorer.Result[]>> results, NabCorpus corpus) {

		NabScorer.Result result(String key, String ticker, NabScorer.Profile profile) {
			return results.get(key).get(ticker)[NabScorer.Profile.ALL.indexOf(profile)];
		}

		double score(String key, Collection<String> tickers, NabScorer.Profile profile) {
			double raw = 0;
			int windows = 0;
			for (String t : tickers) {
				NabScorer.Result r = result(key, t, profile);
				raw += r.score();
				windows += r.windows();
			}
			return NabScorer.normalise(raw, windows, profile);
		}

		double plateau(String key, Collection<String> tickers, NabScorer.Profile profile) {
			return neighbours(key).stream().mapToDouble(k -> score(k, tickers, profile)).min().orElseThrow();
		}

		/** Windows found ({@code true}) or false positives ({@code false}) over the tickers. */
		int count(String key, Collection<String> tickers, NabScorer.Profile profile, boolean found) {
			return tickers.stream().mapToInt(t -> found ? result(key, t, profile).tp() : result(key, t, profile).fp())
				.sum();
		}

		String choose(Collection<String> tickers, NabScorer.Profile profile, Rule rule) {
			Map<String, Double> plateaus = new LinkedHashMap<>();
			for (String key : results.keySet()) {
				plateaus.put(key, plateau(key, tickers, profile));
			}
			String best = plateaus.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
			if (rule == Rule.PLATEAU) {
				return best;
			}
			double floor = plateaus.get(best) - Rule.TOLERANCE;
			int most = plateaus.keySet().stream().filter(k -> plateaus.get(k) >= floor)
				.mapToInt(k -> count(k, tickers, profile, true)).max().orElseThrow();
			String chosen = best;
			for (String key : plateaus.keySet()) {
				if (plateaus.get(key) < floor || count(key, tickers, profile, true) < most) {
					continue;
				}
				int fp = count(key, tickers, profile, false);
				int chosenFp = count(chosen, tickers, profile, false);
				if (count(chosen, tickers, profile, true) < most || fp < chosenFp
						|| fp == chosenFp && plateaus.get(key) > plateaus.get(chosen)) {
					chosen = key;
				}
			}
			return chosen;
		}
	}

	static Evaluation evaluate(NabCorpus corpus, Map<String, SpikeSettings> grid, Collection<String> tickers) {
		Map<String, Map<String, NabScorer.Result[]>> results = new LinkedHashMap<>();
		for (Map.Entry<String, SpikeSettings> e : grid.entrySet()) {
			Map<String, NabScorer.Result[]> files = new TreeMap<>();
			for (NabCorpus.Series s : corpus.series()) {
				if (tickers.contains(s.ticker())) {
					boolean[] flags = detections(s, e.getValue());
					files.put(s.ticker(), NabScorer.Profile.ALL.stream()
						.map(p -> NabScorer.score(s.timestamps(), flags, s.windows(), p)).toArray(NabScorer.Result[]::new));
				}
			}
			results.put(e.getKey(), files);
		}
		return new Evaluation(results, corpus);
	}

	/**
	 * Cross-validation over the ten files, for each choice rule: two folds (choose on the tuning
	 * tickers, score the held-out ones; choose on the held-out tickers, score the tuning ones) and
	 * leave one file out (choose on nine, score the tenth). Out-of-fold results are pooled over the
	 * ten files and normalised together, comparable with the published detectors' all-ten figures.
	 */
	static void crossValidate(NabCorpus corpus, PrintStream out) {
		List<String> all = new ArrayList<>(NabCorpus.TUNING);
		all.addAll(NabCorpus.HELD_OUT);
		Map<String, SpikeSettings> grid = grid();
		Evaluation eval = evaluate(corpus, grid, all);
		String dump = System.getProperty("vigie.nab.dump");
		if (dump != null) {
			List<String> rows = new ArrayList<>();
			for (String key : grid.keySet()) {
				for (String t : all) {
					NabScorer.Result r = eval.result(key, t, NabScorer.Profile.STANDARD);
					rows.add(key + "\t" + t + "\t" + r.score() + "\t" + r.tp() + "\t" + r.fp() + "\t" + r.windows());
				}
			}
			try {
				Files.write(Path.of(dump), rows);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		out.println("Cross-validation over the grid of " + grid.size() + " settings (out-of-fold scores only).");
		for (NabScorer.Profile profile : NabScorer.Profile.ALL) {
			for (Rule rule : Rule.values()) {
				String onTuning = eval.choose(NabCorpus.TUNING, profile, rule);
				String onHeldOut = eval.choose(NabCorpus.HELD_OUT, profile, rule);
				double heldOut = eval.score(onTuning, NabCorpus.HELD_OUT, profile);
				double tuning = eval.score(onHeldOut, NabCorpus.TUNING, profile);
				Map<String, String> twoFold = new LinkedHashMap<>();
				NabCorpus.TUNING.forEach(t -> twoFold.put(t, onHeldOut));
				NabCorpus.HELD_OUT.forEach(t -> twoFold.put(t, onTuning));
				Map<String, String> leaveOneOut = new LinkedHashMap<>();
				for (String t : all) {
					List<String> others = all.stream().filter(o -> !o.equals(t)).toList();
					leaveOneOut.put(t, eval.choose(others, profile, rule));
				}
				out.printf(Locale.ROOT, "Profile %s, rule %s:%n", profile.name(), rule.description);
				out.printf(Locale.ROOT, "  chosen on tuning   -> held-out %.1f (windows %d, false positives %d): %s%n",
						heldOut, eval.count(onTuning, NabCorpus.HELD_OUT, profile, true),
						eval.count(onTuning, NabCorpus.HELD_OUT, profile, false), onTuning);
				out.printf(Locale.ROOT, "  chosen on held-out -> tuning   %.1f (windows %d, false positives %d): %s%n",
						tuning, eval.count(onHeldOut, NabCorpus.TUNING, profile, true),
						eval.count(onHeldOut, NabCorpus.TUNING, profile, false), onHeldOut);
				out.printf(Locale.ROOT, "  2-fold mean %.1f, pooled over ten %.1f; leave one file out, pooled %.1f%n",
						(heldOut + tuning) / 2, pooled(eval, twoFold, profile), pooled(eval, leaveOneOut, profile));
				for (Map.Entry<String, String> e : leaveOneOut.entrySet()) {
					NabScorer.Result r = eval.result(e.getValue(), e.getKey(), profile);
					out.printf(Locale.ROOT, "    leave out %-5s raw %6.2f, windows %d/%d, false positives %d: %s%n",
							e.getKey(), r.score(), r.tp(), r.windows(), r.fp(), e.getValue());
				}
			}
		}
		out.println();
	}

	/** Each file scored with the setting chosen without it, normalised over all the files together. */
	private static double pooled(Evaluation eval, Map<String, String> choice, NabScorer.Profile profile) {
		double raw = 0;
		int windows = 0;
		for (Map.Entry<String, String> e : choice.entrySet()) {
			NabScorer.Result r = eval.result(e.getValue(), e.getKey(), profile);
			raw += r.score();
			windows += r.windows();
		}
		return NabScorer.normalise(raw, windows, profile);
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
