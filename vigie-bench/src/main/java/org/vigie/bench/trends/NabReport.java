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

	/**
	 * Candidate settings over the bursty-series profile: the score threshold, the novelty gate (a
	 * fraction of the highest count of the last days), the surprise gate (a fraction of the highest
	 * score of the last days) and the cool-down.
	 */
	static Map<String, SpikeSettings> grid() {
		Map<String, SpikeSettings> grid = new LinkedHashMap<>();
		for (int surpriseDays : new int[] { 0, 14 }) {
			for (double ratio : new double[] { 0.3, 0.5 }) {
				for (double threshold : new double[] { 2.5, 3.0, 4.0 }) {
					for (int shiftHours : new int[] { 0, 1, 3 }) {
						for (double gain : shiftHours == 0 ? new double[] { 1 } : new double[] { 1.5, 2.5, 4 }) {
							grid.put(String.format(Locale.ROOT, "surprise %2dd x0.5 novelty 21d x%.1f threshold %.1f shift %dh x%.1f",
									surpriseDays, ratio, threshold, shiftHours, gain),
									SpikeSettings.forBurstySeries().withNoveltyWindow(Duration.ofDays(21)).withNoveltyRatio(ratio)
										.withSurpriseWindow(Duration.ofDays(surpriseDays)).withSurpriseRatio(0.5)
										.withThreshold(threshold).withShiftWindow(Duration.ofHours(shiftHours)).withShiftGain(gain));
						}
					}
				}
			}
		}
		return grid;
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

	static void run(Path data, boolean tune, PrintStream out) throws IOException {
		NabCorpus corpus = NabCorpus.load(data.resolve("nab-realtweets"));
		Map<String, SpikeSettings> grid = grid();
		Map<String, Map<String, boolean[]>> runs = new LinkedHashMap<>();
		for (Map.Entry<String, SpikeSettings> e : grid.entrySet()) {
			// Only the tuning tickers are run for the choice; the held-out ones only for the chosen setting.
			runs.put(e.getKey(), run(corpus, e.getValue(), NabCorpus.TUNING));
		}
		List<String> all = new ArrayList<>(NabCorpus.TUNING);
		all.addAll(NabCorpus.HELD_OUT);
		Map<String, Map<String, Map<String, Double>>> published = published(data.resolve("nab-realtweets"));
		out.println("NAB realTweets, normalised scores (100 = perfect, 0 = never fires).");
		out.println("Vigie's settings are chosen per profile on the tuning tickers " + NabCorpus.TUNING
				+ " only; held-out tickers: " + NabCorpus.HELD_OUT + ".");
		out.println("Published detectors' thresholds were optimised by NAB over all 58 NAB files, these included.");
		for (NabScorer.Profile profile : NabScorer.Profile.ALL) {
			String best = null;
			double bestScore = Double.NEGATIVE_INFINITY;
			for (Map.Entry<String, Map<String, boolean[]>> run : runs.entrySet()) {
				double[] r = raw(corpus, run.getValue(), NabCorpus.TUNING, profile);
				double score = NabScorer.normalise(r[0], (int) r[1], profile);
				if (tune) {
					out.printf(Locale.ROOT, "  [%s] %s: tuning %.1f%n", profile.name(), run.getKey(), score);
				}
				if (score > bestScore) {
					bestScore = score;
					best = run.getKey();
				}
			}
			Map<String, boolean[]> chosen = run(corpus, grid.get(best), all);
			out.println();
			out.println("Profile " + profile.name() + " - Vigie settings: " + best);
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
