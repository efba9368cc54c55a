package org.vigie.bench.trends;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vigie.trends.detect.Airing;
import org.vigie.trends.detect.SpikeDetector;
import org.vigie.trends.detect.SpikeSettings;
import org.vigie.trends.detect.Step;

/**
 * Evaluation of Vigie's spike detector on public burst benchmarks. Run from the project root:
 *
 * <pre>
 * ./mvnw -q -pl vigie-bench -am package -DskipTests
 * java -cp vigie-bench/target/vigie-bench.jar org.vigie.bench.trends.TrendsHarness ted [--tune] [DATA]
 * java -cp vigie-bench/target/vigie-bench.jar org.vigie.bench.trends.TrendsHarness nab [--tune] [--cv] [DATA]
 * </pre>
 *
 * {@code DATA} defaults to {@code ../shared/data}. {@code ted}: MUNLIV (live football on TV),
 * tuned on the match before 16:35 UTC, reported on 16:35–17:30 ({@code ground_truth_v2}); BrexitVote
 * is shown beside it. {@code nab}: NAB realTweets scored with NAB's three cost profiles; settings
 * are chosen on AAPL, AMZN, CRM, CVS, FB and reported on GOOG, IBM, KO, PFE, UPS, then on all ten,
 * beside the published detectors' per-file scores normalised the same way. {@code --tune} prints
 * the whole grid the choice was made from; {@code --cv} cross-validates the choice over the ten files
 * (two folds, leave one file out) and prints only out-of-fold scores.
 */
public final class TrendsHarness {

	private static final PrintStream OUT = System.out;

	static final Instant MUNLIV_SPLIT = Instant.parse("2019-10-20T16:35:00Z");

	static final Instant MUNLIV_END = Instant.parse("2019-10-20T17:30:00Z");

	static final Instant MUNLIV_START = Instant.parse("2019-10-20T15:15:00Z");

	/** The match as broadcast: kick-off 15:30, full time about 17:24. */
	static final Airing MUNLIV_AIRING = new Airing(Instant.parse("2019-10-20T15:30:00Z"),
			Instant.parse("2019-10-20T17:25:00Z"), "MUNLIV");

	static final Duration GRACE = Duration.ofMinutes(2);

	/** The settings the TED report uses: chosen by {@code ted --tune} on the tuning part only. */
	static SpikeSettings tedSettings() {
		return SpikeSettings.forLiveBroadcast();
	}

	private TrendsHarness() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length == 0) {
			OUT.println("usage: TrendsHarness ted|nab [--tune] [--cv] [--tuning-only] [--profile bursty|pattern|pattern-off|app|app-unpatterned|app-uncalibrated] [DATA]");
			return;
		}
		boolean tune = List.of(args).contains("--tune");
		int at = List.of(args).indexOf("--profile");
		String profile = at >= 0 && at + 1 < args.length ? args[at + 1] : "bursty";
		Path data = Path.of(List.of(args).stream().skip(1).filter(a -> !a.startsWith("--") && !a.equals(profile)).findFirst()
			.orElse("../shared/data"));
		switch (args[0]) {
			case "ted" -> ted(data, tune);
			case "nab" -> NabReport.run(data, tune, List.of(args).contains("--cv"), profile,
					List.of(args).contains("--tuning-only"), OUT);
			default -> throw new IllegalArgumentException("ted or nab");
		}
	}

	static List<Instant> alerts(TedCorpus.Series series, SpikeSettings settings, List<Airing> airings) {
		SpikeDetector detector = new SpikeDetector(settings, series.bucket(), airings, Duration.ofMinutes(30),
				ZoneId.of("UTC"));
		List<Instant> alerts = new ArrayList<>();
		for (int i = 0; i < series.counts().length; i++) {
			Step step = detector.observe(series.at(i), series.counts()[i]);
			if (step.alert()) {
				// The bucket is known once it is over: that is when the alert goes out.
				alerts.add(series.at(i).plus(series.bucket()));
			}
		}
		return alerts;
	}

	private static void ted(Path data, boolean tune) throws IOException {
		List<TedCorpus.EventWindow> windows = TedCorpus.windows(data, "MUNLIV", Duration.ofMinutes(2));
		if (tune) {
			tuneTed(data, windows);
		}
		SpikeSettings settings = tedSettings();
		TedCorpus.Series series = TedCorpus.munliv(data, Duration.ofMinutes(1));
		List<Instant> alerts = alerts(series, settings, List.of(MUNLIV_AIRING));
		OUT.println("MUNLIV, 1-minute buckets, airing 15:30-17:25, grace " + GRACE.toMinutes() + " min, settings "
				+ settings);
		EventScorer.Result tuning = EventScorer.score(alerts, windows, MUNLIV_START, MUNLIV_SPLIT, GRACE);
		EventScorer.Result heldOut = EventScorer.score(alerts, windows, MUNLIV_SPLIT, MUNLIV_END, GRACE);
		OUT.println("  tuning   15:15-16:35: " + tuning.summary());
		OUT.println("  held-out 16:35-17:30: " + heldOut.summary());
		OUT.println("  alerts: " + alerts.stream().map(a -> a.toString().substring(11, 19)).toList());
		for (TedCorpus.EventWindow w : windows) {
			if (!w.start().isBefore(MUNLIV_SPLIT)) {
				Instant end = w.end().plus(GRACE);
				String hit = alerts.stream().filter(a -> !a.isBefore(w.start()) && !a.isAfter(end)).findFirst()
					.map(a -> "detected after " + Duration.between(w.start(), a).toSeconds() + " s").orElse("missed");
				OUT.println("    window " + w.start().toString().substring(11, 16) + " (" + w.events() + " event"
						+ (w.events() > 1 ? "s" : "") + "): " + hit);
			}
		}
		TedCorpus.Series brexit = TedCorpus.brexit(data);
		List<TedCorpus.EventWindow> brexitWindows = TedCorpus.windows(data, "BrexitVote", Duration.ofMinutes(30));
		List<Instant> brexitAlerts = alerts(brexit, settings, List.of());
		OUT.println("BrexitVote (tuning only), 1-minute buckets, 30-minute windows: "
				+ EventScorer.score(brexitAlerts, brexitWindows, brexit.start(), brexit.at(brexit.counts().length),
						Duration.ZERO)
					.summary());
	}

	private static void tuneTed(Path data, List<TedCorpus.EventWindow> windows) throws IOException {
		Map<String, TedCorpus.Series> buckets = new LinkedHashMap<>();
		buckets.put("30s", TedCorpus.munliv(data, Duration.ofSeconds(30)));
		buckets.put("60s", TedCorpus.munliv(data, Duration.ofMinutes(1)));
		OUT.println("bucket airing threshold levelHalfLife scaleHalfLife | tuning part (15:15-16:35)");
		for (Map.Entry<String, TedCorpus.Series> b : buckets.entrySet()) {
			for (boolean airing : new boolean[] { true, false }) {
				for (double threshold : new double[] { 1.0, 1.5, 2.0, 2.5, 3.0 }) {
					for (int halfLife : new int[] { 1, 2, 4 }) {
						for (int scale : new int[] { 5, 10, 30 }) {
						for (int shift : new int[] { 0, 5, 10 }) {
							SpikeSettings s = tedSettings().withThreshold(threshold).withShiftWindow(Duration.ofMinutes(shift))
								.withShiftGain(shift == 0 ? 1 : Math.sqrt(shift * 60.0 / b.getValue().bucket().toSeconds()) / 1.5)
								.withAiringLevelHalfLife(Duration.ofMinutes(halfLife))
								.withLevelHalfLife(Duration.ofMinutes(halfLife))
								.withScaleHalfLife(Duration.ofMinutes(scale)).withMinRatio(1.1).withMinExcess(0);
							List<Instant> alerts = alerts(b.getValue(), s, airing ? List.of(MUNLIV_AIRING) : List.of());
							EventScorer.Result r = EventScorer.score(alerts, windows, MUNLIV_START, MUNLIV_SPLIT, GRACE);
							long raised = alerts.stream().filter(a -> a.isBefore(MUNLIV_SPLIT)).count();
							double precision = raised == 0 ? 0 : (raised - r.falseAlarms()) / (double) raised;
							double f1 = precision + r.windowRecall() == 0 ? 0
									: 2 * precision * r.windowRecall() / (precision + r.windowRecall());
							OUT.printf(Locale.ROOT, "%s %-5s %.1f %dmin %dmin shift %dmin | F1 %.2f precision %.2f %s%n",
									b.getKey(), airing, threshold, halfLife, scale, shift, f1, precision, r.summary());
						}
						}
					}
				}
			}
		}
	}

	static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file);
	}

	static Instant utc(java.time.LocalDateTime t) {
		return t.toInstant(ZoneOffset.UTC);
	}
}
