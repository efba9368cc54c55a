package org.vigie.bench.trends;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The NAB realTweets files and their labelled windows, read from {@code nab-realtweets/}. */
record NabCorpus(List<Series> series) {

	static final List<String> TUNING = List.of("AAPL", "AMZN", "CRM", "CVS", "FB");

	static final List<String> HELD_OUT = List.of("GOOG", "IBM", "KO", "PFE", "UPS");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** One file: its ticker, rows and windows. */
	record Series(String ticker, List<LocalDateTime> timestamps, double[] values, List<NabScorer.Window> windows) {
	}

	static NabCorpus load(Path dir) throws IOException {
		String labels = Files.readString(dir.resolve("labels/realTweets_combined_windows.json"));
		List<Series> all = new ArrayList<>();
		for (String ticker : List.of("AAPL", "AMZN", "CRM", "CVS", "FB", "GOOG", "IBM", "KO", "PFE", "UPS")) {
			List<String> lines = Files.readAllLines(dir.resolve("data/Twitter_volume_" + ticker + ".csv"));
			List<LocalDateTime> times = new ArrayList<>();
			double[] values = new double[lines.size() - 1];
			for (int i = 1; i < lines.size(); i++) {
				String[] parts = lines.get(i).split(",");
				times.add(LocalDateTime.parse(parts[0], TIME));
				values[i - 1] = Double.parseDouble(parts[1]);
			}
			all.add(new Series(ticker, times, values, windows(labels, "realTweets/Twitter_volume_" + ticker + ".csv")));
		}
		return new NabCorpus(all);
	}

	/** The windows of one file, read from NAB's label JSON without a JSON library. */
	static List<NabScorer.Window> windows(String json, String key) {
		int at = json.indexOf('"' + key + '"');
		if (at < 0) {
			throw new IllegalArgumentException("no windows for " + key);
		}
		int open = json.indexOf('[', at);
		int depth = 0;
		int end = open;
		for (int i = open; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == '[') {
				depth++;
			}
			else if (c == ']' && --depth == 0) {
				end = i;
				break;
			}
		}
		Matcher m = Pattern.compile("\"(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)(?:\\.\\d+)?\"")
			.matcher(json.substring(open, end));
		List<NabScorer.Window> windows = new ArrayList<>();
		while (m.find()) {
			LocalDateTime start = LocalDateTime.parse(m.group(1), TIME);
			m.find();
			windows.add(new NabScorer.Window(start, LocalDateTime.parse(m.group(1), TIME)));
		}
		return windows;
	}
}
