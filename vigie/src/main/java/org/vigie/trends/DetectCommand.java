package org.vigie.trends;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vigie.CliCommand;
import org.vigie.trends.detect.Airing;
import org.vigie.trends.detect.SpikeDetector;
import org.vigie.trends.detect.SpikeSettings;
import org.vigie.trends.detect.Step;
import org.vigie.trends.detect.Timestamps;

/**
 * {@code java -jar vigie.jar detect [--airings FILE] [--profile app|live|bursty|pattern] [--threshold X]}: reads
 * a series as {@code timestamp,value} lines (ISO-8601 timestamps, regular steps; a header line is
 * skipped) on standard input and writes {@code timestamp,score} for each step at which the
 * application's {@link SpikeDetector} would raise an alert. {@code --airings} names a file of
 * {@code start,end} lines. The step is taken from the data. Profiles: {@code app} (the application's
 * defaults), {@code live} (minute volumes of a live broadcast), {@code bursty} (long bursty series,
 * as NAB's), {@code pattern} (long series judged by the novelty of their recent shape); see
 * {@link SpikeSettings}.
 */
public final class DetectCommand implements CliCommand {

	@Override
	public String name() {
		return "detect";
	}

	@Override
	public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
		SpikeSettings settings = SpikeSettings.DEFAULTS;
		List<Airing> airings = List.of();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--airings" -> airings = airings(Path.of(value(args, ++i)));
				case "--profile" -> settings = switch (value(args, ++i)) {
					case "app" -> SpikeSettings.DEFAULTS;
					case "bursty" -> SpikeSettings.forBurstySeries();
					case "live" -> SpikeSettings.forLiveBroadcast();
					case "pattern" -> SpikeSettings.forNovelPatterns();
					default -> throw new IllegalArgumentException("--profile is app, live, bursty or pattern");
				};
				case "--threshold" -> settings = settings.withThreshold(Double.parseDouble(value(args, ++i)));
				case "-h", "--help" -> {
					out.println("usage: detect [--airings FILE] [--profile app|live|bursty|pattern] [--threshold X] < series.csv");
					return 0;
				}
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		List<String> labels = new ArrayList<>();
		List<Instant> times = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int number = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			int comma = line.indexOf(',');
			if (comma < 0) {
				throw new IllegalArgumentException("line " + number + ": expected timestamp,value");
			}
			String label = line.substring(0, comma).trim();
			Instant t;
			try {
				t = Timestamps.parse(label);
			}
			catch (IllegalArgumentException e) {
				if (times.isEmpty()) {
					continue; // a header
				}
				throw new IllegalArgumentException("line " + number + ": " + e.getMessage());
			}
			labels.add(label);
			times.add(t);
			values.add(Double.parseDouble(line.substring(comma + 1).trim()));
		}
		if (times.size() < 2) {
			return 0;
		}
		SpikeDetector detector = new SpikeDetector(settings, step(times), airings, Duration.ofMinutes(30),
				ZoneId.of("UTC"));
		for (int i = 0; i < times.size(); i++) {
			Step step = detector.observe(times.get(i), values.get(i));
			if (step.alert()) {
				out.println(labels.get(i) + "," + String.format(Locale.ROOT, "%.2f", step.score()));
			}
		}
		out.flush();
		return 0;
	}

	/** The most common gap between consecutive timestamps. */
	static Duration step(List<Instant> times) {
		java.util.Map<Long, Integer> gaps = new java.util.HashMap<>();
		for (int i = 1; i < Math.min(times.size(), 1000); i++) {
			gaps.merge(times.get(i).toEpochMilli() - times.get(i - 1).toEpochMilli(), 1, Integer::sum);
		}
		long gap = gaps.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
		if (gap <= 0) {
			throw new IllegalArgumentException("timestamps must increase");
		}
		return Duration.ofMillis(gap);
	}

	private static List<Airing> airings(Path file) throws java.io.IOException {
		List<Airing> airings = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			String[] parts = line.split(",");
			if (parts.length < 2 || line.isBlank()) {
				continue;
			}
			try {
				airings.add(new Airing(Timestamps.parse(parts[0].trim()), Timestamps.parse(parts[1].trim()), "airing"));
			}
			catch (IllegalArgumentException e) {
				if (!airings.isEmpty()) {
					throw e;
				}
			}
		}
		return airings;
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			throw new IllegalArgumentException(args[i - 1] + " needs a value");
		}
		return args[i];
	}
}
