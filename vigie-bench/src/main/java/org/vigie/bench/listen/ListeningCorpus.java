package org.vigie.bench.listen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.util.BytesRef;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.ItemAnalysis;
import org.vigie.archive.ItemDocuments;
import org.vigie.archive.SearchQuery;
import org.vigie.ingest.Annotations;
import org.vigie.ingest.Author;
import org.vigie.ingest.IncomingItem;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.WorkspaceId;

/**
 * The corpus and the queries of the listening benchmark: real public tweets (TweetEval English
 * train set, UMSAB French train and validation sets, from {@code ../shared/data}) as enriched
 * incoming items, and listening queries generated from their vocabulary with a fixed seed, in the
 * shapes people write: words, AND, phrases, OR-groups, hashtags, exclusions, proximity, wildcards
 * and field filters.
 */
final class ListeningCorpus {

	private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’]{3,}");

	private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]{3,})");

	private static final Pattern URL = Pattern.compile("https?://\\S+");

	private static final Network[] NETWORKS = { Network.X, Network.BLUESKY, Network.MASTODON, Network.REDDIT,
			Network.YOUTUBE, Network.INSTAGRAM, Network.FACEBOOK };

	private ListeningCorpus() {
	}

	static Path data() {
		String configured = System.getProperty("vigie.shared");
		if (configured != null) {
			return Path.of(configured, "data");
		}
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			if (Files.isDirectory(p.resolve("shared/data"))) {
				return p.resolve("shared/data");
			}
			if (p.getParent() != null && Files.isDirectory(p.resolveSibling("shared").resolve("data"))) {
				return p.resolveSibling("shared").resolve("data");
			}
		}
		throw new IllegalStateException("Cannot find shared/data; run from the project folder or set -Dvigie.shared=DIR");
	}

	/** Every tweet of the corpus, as an enriched incoming item (language and entities set). */
	static List<IncomingItem> items() {
		Path data = data();
		List<IncomingItem> items = new ArrayList<>();
		WorkspaceId workspace = WorkspaceId.generate();
		add(items, lines(data.resolve("tweeteval-sentiment/train_text.txt")), "en", workspace);
		add(items, lines(data.resolve("umsab-sentiment/french/train_text.txt")), "fr", workspace);
		add(items, lines(data.resolve("umsab-sentiment/french/val_text.txt")), "fr", workspace);
		java.util.Collections.shuffle(items, new Random(7));
		return items;
	}

	/**
	 * How many items of the corpus hold each term, as the archive indexes them (every field, every
	 * prefix): what {@code Archive.documentFrequency} answers once these items are archived.
	 */
	static ToIntFunction<Term> documentFrequencies(List<IncomingItem> items) {
		Map<Term, Integer> df = new HashMap<>();
		for (IncomingItem item : items) {
			var doc = ItemDocuments.forMatching(ArchivedItem.of(item));
			var index = MemoryIndex.fromDocument(doc, ItemAnalysis.analyzer());
			var reader = index.createSearcher().getIndexReader().leaves().get(0).reader();
			try {
				for (var field : reader.getFieldInfos()) {
					var terms = reader.terms(field.name);
					if (terms == null) {
						continue;
					}
					var te = terms.iterator();
					for (var t = te.next(); t != null; t = te.next()) {
						df.merge(new Term(field.name, BytesRef.deepCopyOf(t)), 1,
								Integer::sum);
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return t -> df.getOrDefault(t, 0);
	}

	private static void add(List<IncomingItem> out, List<String> texts, String lang, WorkspaceId workspace) {
		Instant t = Instant.parse("2026-11-01T00:00:00Z");
		String[] sentiments = { "positive", "neutral", "negative" };
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i).replaceAll("^\"|\"$", "");
			Network network = NETWORKS[i % NETWORKS.length];
			Annotations a = Annotations.NONE.withLanguage(lang)
				.withSentiment(sentiments[i % 3], 0.7)
				.withEntities(all(HASHTAG, text, 1), all(Pattern.compile("@([\\w.]+)"), text, 1), all(URL, text, 0),
						List.of(), List.of());
			out.add(new IncomingItem(ItemId.generate(), network, lang + i, ItemKind.MENTION, workspace, null, null,
					new Author(network, "author" + (i % 5000), "fan" + (i % 5000), "Fan " + (i % 5000), 100L, false, null,
							null),
					text, null, t.plusSeconds(i * 7L), null, null, false, false, null, a));
		}
	}

	private static List<String> all(Pattern p, String text, int group) {
		List<String> out = new ArrayList<>();
		Matcher m = p.matcher(text);
		while (m.find()) {
			out.add(m.group(group));
		}
		return out;
	}

	/**
	 * {@code n} queries drawn from the corpus vocabulary, as listening queries are written: about
	 * specific things (names, titles, hashtags), so their words are taken from the long tail of the
	 * vocabulary (below the {@code skip} most frequent words, seen at least twice), with real bigrams
	 * containing such a word for phrases and proximity, and real hashtags. {@code skip} = 150 gives
	 * the "common words" variant, where queries are about everyday words.
	 */
	/** Query texts as the Monitor registers them: ids {@code "0"}, {@code "1"}, … in their order. */
	static List<MonitorQuery> compile(List<String> texts) {
		List<MonitorQuery> compiled = new ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			compiled.add(new MonitorQuery(Integer.toString(i), SearchQuery.parse(texts.get(i)).toLucene()));
		}
		return compiled;
	}

	/** The queries in batches of 10,000: how the benchmarks hand them to a matcher. */
	static List<List<MonitorQuery>> batches(List<MonitorQuery> queries) {
		List<List<MonitorQuery>> batches = new ArrayList<>();
		for (int from = 0; from < queries.size(); from += 10_000) {
			batches.add(queries.subList(from, Math.min(queries.size(), from + 10_000)));
		}
		return batches;
	}

	static List<String> queries(List<IncomingItem> items, int n, long seed) {
		return queries(items, n, seed, Integer.getInteger("vigie.bench.skip", 2_000));
	}

	static List<String> queries(List<IncomingItem> items, int n, long seed, int skip) {
		Map<String, Integer> freq = new HashMap<>();
		Map<String, Integer> tags = new HashMap<>();
		List<String[]> bigrams = new ArrayList<>();
		for (IncomingItem item : items) {
			List<String> words = all(WORD, item.text(), 0);
			for (int i = 0; i < words.size(); i++) {
				freq.merge(words.get(i).toLowerCase(Locale.ROOT), 1, Integer::sum);
				if (i > 0 && bigrams.size() < 200_000) {
					bigrams.add(new String[] { words.get(i - 1), words.get(i) });
				}
			}
			for (String tag : item.annotations().hashtags()) {
				tags.merge(tag, 1, Integer::sum);
			}
		}
		List<String> vocabulary = freq.entrySet().stream()
			.filter(e -> e.getValue() >= 2)
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.skip(skip)
			.map(Map.Entry::getKey)
			.toList();
		java.util.Set<String> specific = new java.util.HashSet<>(vocabulary);
		bigrams.removeIf(b -> !specific.contains(b[0].toLowerCase(Locale.ROOT))
				&& !specific.contains(b[1].toLowerCase(Locale.ROOT)));
		List<String> hashtags = tags.keySet().stream().sorted().toList();
		Random r = new Random(seed);
		List<String> out = new ArrayList<>(n);
		while (out.size() < n) {
			int shape = r.nextInt(100);
			String q;
			if (shape < 25) {
				q = w(vocabulary, r);
			}
			else if (shape < 40) {
				q = w(vocabulary, r) + " " + w(vocabulary, r);
			}
			else if (shape < 50) {
				String[] b = bigrams.get(r.nextInt(bigrams.size()));
				q = "\"" + b[0] + " " + b[1] + "\"";
			}
			else if (shape < 65) {
				q = "(" + w(vocabulary, r) + " OR " + w(vocabulary, r) + " OR " + w(vocabulary, r) + ") " + w(vocabulary, r);
			}
			else if (shape < 75) {
				q = "#" + hashtags.get(r.nextInt(hashtags.size())) + (r.nextBoolean() ? "" : " OR " + w(vocabulary, r));
			}
			else if (shape < 80) {
				String[] b = bigrams.get(r.nextInt(bigrams.size()));
				q = b[0] + " NEAR/3 " + b[1];
			}
			else if (shape < 85) {
				String word = w(vocabulary, r);
				q = word.length() >= 6 ? word.substring(0, word.length() - 2) + "*" : word;
			}
			else if (shape < 90) {
				q = w(vocabulary, r) + " -" + w(vocabulary, r);
			}
			else if (shape < 95) {
				q = w(vocabulary, r) + (r.nextBoolean() ? " lang:fr" : " lang:en");
			}
			else {
				q = "(" + w(vocabulary, r) + " OR " + w(vocabulary, r) + ") -(" + w(vocabulary, r) + " OR "
						+ w(vocabulary, r) + ") has:link";
			}
			out.add(q);
		}
		return out;
	}

	private static String w(List<String> vocabulary, Random r) {
		// Zipf-like: favour the more frequent words of the tail.
		int i = (int) Math.min(vocabulary.size() - 1, Math.abs(r.nextGaussian()) * vocabulary.size() / 4);
		return vocabulary.get(i).replace("'", "").replace("’", "");
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
