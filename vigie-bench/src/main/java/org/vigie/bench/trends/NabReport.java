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

	/** Candidate settings: a threshold and a novelty window over the bursty-series profile. */
	static Map<String, SpikeSettings> grid() {
		Map<String, SpikeSettings> grid = new LinkedHashMap<>();
		for (int days : new int[] { 7, 14, 21 }) {
			for (double ratio : new double[] { 0.5, 0.7, 0.85, 1.0 }) {
				for (double threshold : new double[] { 2.0, 3.0, 4.0, 5.0 }) {
					for (int hours : new int[] { 12 }) {
						grid.put(String.format(Locale.ROOT, "novelty %2dd x%.2f threshold %.1f level %2dh", days, ratio,
								threshold, hours),
								SpikeSettings.forBurstySeries().withNoveltyWindow(Duration.ofDays(days)).withNoveltyRatio(ratio)
									.withThreshold(threshold).withLevelHalfLife(Duration.ofHours(hours)));
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
		Map<String, Map<String, boolean[]>> runs = new LinkedHashMap<>();
		for (Map.Entry<String, SpikeSettings> e : grid().entrySet()) {
			Map<String, boolean[]> flags = new TreeMap<>();
			for (NabCorpus.Series s : corpus.series()) {
				flags.put(s.ticker(), detections(s, e.getValue()));
			}
			runs.put(e.getKey(), flags);
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
					double[] h = raw(corpus, run.getValue(), NabCorpus.HELD_OUT, profile);
					out.printf(Locale.ROOT, "  [%s] %s: tuning %.1f, held-out %.1f%n", profile.name(), run.getKey(), score,
							NabScorer.normalise(h[0], (int) h[1], profile));
				}
				if (score > bestScore) {
					bestScore = score;
					best = run.getKey();
				}
			}
			Map<String, boolean[]> chosen = runs.get(best);
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
