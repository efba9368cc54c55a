package org.vigie.bench.trends;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The TED event sets (Embed2Detect): tweet volumes rebuilt from tweet ids, and the labelled event
 * windows of {@code ground_truth_v2}. A tweet id is a Twitter snowflake whose upper bits are its
 * creation time: {@code (id >> 22) + 1288834974657} epoch milliseconds.
 */
final class TedCorpus {

	private static final long TWITTER_EPOCH = 1288834974657L;

	private static final DateTimeFormatter WINDOW_FILE = DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm");

	/** A labelled window and how many events (lines) it holds. */
	record EventWindow(Instant start, Instant end, int events) {
	}

	/** A series of counts in regular buckets. */
	record Series(Instant start, Duration bucket, double[] counts) {

		Instant at(int i) {
			return start.plus(bucket.multipliedBy(i));
		}
	}

	private TedCorpus() {
	}

	/** MUNLIV tweet counts per {@code bucket}, from its complete id list (15:15–17:30 UTC). */
	static Series munliv(Path data, Duration bucket) throws IOException {
		List<Long> times = new ArrayList<>();
		try (Stream<String> lines = Files.lines(data.resolve("ted-event-tweets/MUNLIV/ids-15.15_17.30.txt"))) {
			lines.map(String::trim).filter(s -> !s.isEmpty())
				.forEach(s -> times.add((Long.parseLong(s) >> 22) + TWITTER_EPOCH));
		}
		Instant start = Instant.parse("2019-10-20T15:15:00Z");
		Instant end = Instant.parse("2019-10-20T17:30:00Z");
		int n = (int) (Duration.between(start, end).toMillis() / bucket.toMillis());
		double[] counts = new double[n];
		for (long t : times) {
			long i = (t - start.toEpochMilli()) / bucket.toMillis();
			if (i >= 0 && i < n) {
				counts[(int) i]++;
			}
		}
		return new Series(start, bucket, counts);
	}

	/** BrexitVote tweet counts per minute (08:00–14:00 UTC), as derived in the data folder. */
	static Series brexit(Path data) throws IOException {
		List<String> lines = Files.readAllLines(data.resolve("ted-event-tweets/BrexitVote/DERIVED_counts_per_minute_utc.csv"));
		double[] counts = new double[lines.size() - 1];
		for (int i = 1; i < lines.size(); i++) {
			counts[i - 1] = Double.parseDouble(lines.get(i).split(",")[1]);
		}
		return new Series(Instant.parse(lines.get(1).split(",")[0]), Duration.ofMinutes(1), counts);
	}

	/** The {@code ground_truth_v2} windows of one set: file name = window start. */
	static List<EventWindow> windows(Path data, String set, Duration length) throws IOException {
		TreeMap<Instant, Integer> windows = new TreeMap<>();
		try (Stream<Path> files = Files.list(data.resolve("ted-event-tweets").resolve(set).resolve("ground_truth_v2"))) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString().replace(".txt", "");
				Instant start = LocalDateTime.parse(name, WINDOW_FILE).toInstant(ZoneOffset.UTC);
				int events = (int) Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
				windows.put(start, events);
			}
		}
		return windows.entrySet().stream().map(e -> new EventWindow(e.getKey(), e.getKey().plus(length), e.getValue()))
			.toList();
	}
}
