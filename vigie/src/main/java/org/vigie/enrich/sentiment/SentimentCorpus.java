package org.vigie.enrich.sentiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigie.enrich.Sentiment;

/**
 * Readers for the public sentiment data sets in {@code ../shared/data} (see its README for their
 * origin and licence). Used by the trainer and by the tests that measure the shipped models; the
 * data itself is never copied into Vigie.
 */
public final class SentimentCorpus {

	/** One labelled text. */
	public record Example(String text, Sentiment label) {
	}

	private static final Pattern HEX_ENTITY = Pattern.compile("&#x([0-9a-fA-F]{1,6});");

	private final Path root;

	public SentimentCorpus(Path root) {
		if (!Files.isDirectory(root)) {
			throw new IllegalArgumentException("No data folder at " + root.toAbsolutePath());
		}
		this.root = root;
	}

	public Path root() {
		return root;
	}

	/** UMSAB ({@code french} or {@code english}), split {@code train} or {@code val}. Apache-2.0. */
	public List<Example> umsab(String language, String split) {
		return paired(root.resolve("umsab-sentiment").resolve(language), split);
	}

	/** TweetEval sentiment, split {@code train} or {@code val}. "No restrictions". */
	public List<Example> tweetEval(String split) {
		return paired(root.resolve("tweeteval-sentiment"), split);
	}

	/** DEFT 2017 task 1 training tweets, without the {@code mixed} ones. CeCILL. */
	public List<Example> deft2017() {
		List<Example> examples = new ArrayList<>();
		for (String line : lines(root.resolve("deft2017-fr-tweets/task1-train.csv"))) {
			String[] fields = line.strip().split("\t");
			if (fields.length < 3 || !fields[0].chars().allMatch(Character::isDigit)) {
				continue;
			}
			Sentiment label = switch (fields[fields.length - 1]) {
				case "objective" -> Sentiment.NEUTRAL;
				case "negative" -> Sentiment.NEGATIVE;
				case "positive" -> Sentiment.POSITIVE;
				default -> null;
			};
			if (label != null) {
				examples.add(new Example(unescape(fields[1]), label));
			}
		}
		return examples;
	}

	/** The Allociné movie-review training sample (binary). MIT. */
	public List<Example> allocineMovies() {
		List<Example> examples = new ArrayList<>();
		List<String> lines = lines(root.resolve("allocine-movies-fr-sample/train_data_allocine.csv"));
		for (String line : lines.subList(1, lines.size())) {
			int comma = line.lastIndexOf(',');
			String text = line.substring(0, comma);
			if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
				text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
			}
			examples.add(new Example(text, line.endsWith("1") ? Sentiment.POSITIVE : Sentiment.NEGATIVE));
		}
		return examples;
	}

	/** Allociné TV-series reviews ({@code train} or {@code dev}), binary. No licence: evaluation only. */
	public List<Example> allocineTvSeries(String split) {
		List<Example> examples = new ArrayList<>();
		for (String line : lines(root.resolve("allocine-tv-series-fr").resolve(split + ".tsv"))) {
			line = line.strip();
			int tab = line.indexOf('\t');
			if (tab > 0) {
				examples.add(new Example(line.substring(tab + 1),
						line.charAt(0) == '1' ? Sentiment.POSITIVE : Sentiment.NEGATIVE));
			}
		}
		return examples;
	}

	private List<Example> paired(Path folder, String split) {
		List<String> texts = lines(folder.resolve(split + "_text.txt"));
		List<String> labels = lines(folder.resolve(split + "_labels.txt"));
		List<Example> examples = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			String label = labels.get(i).strip();
			if (!label.isEmpty()) {
				examples.add(new Example(texts.get(i), Sentiment.values()[Integer.parseInt(label)]));
			}
		}
		return examples;
	}

	static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + file, e);
		}
	}

	private static String unescape(String text) {
		Matcher m = HEX_ENTITY.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int cp = Integer.parseInt(m.group(1), 16);
			m.appendReplacement(out, Matcher.quoteReplacement(Character.isValidCodePoint(cp) ? Character.toString(cp) : ""));
		}
		m.appendTail(out);
		return out.toString();
	}
}
