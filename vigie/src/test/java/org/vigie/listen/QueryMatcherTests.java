package org.vigie.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.SearchQuery;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;

class QueryMatcherTests {

	@Test
	void tellsWhichQueriesMatchAnItem() throws Exception {
		try (QueryMatcher matcher = new QueryMatcher()) {
			matcher.put("a", SearchQuery.parse("émission lang:fr").toLucene());
			matcher.put("b", SearchQuery.parse("barthes NEAR/2 quotidien").toLucene());
			matcher.put("c", SearchQuery.parse("#tmc -replay").toLucene());
			matcher.put("d", SearchQuery.parse("emiss* network:x").toLucene());
			assertThat(matcher.match(item("L'émission de Yann Barthes, Quotidien #TMC"))).containsExactlyInAnyOrder("a", "b", "c");
			assertThat(matcher.match(item("rien à voir"))).isEmpty();
			matcher.remove("a");
			matcher.put("c", SearchQuery.parse("#tmc replay").toLucene());
			assertThat(matcher.match(item("L'émission de Yann Barthes, Quotidien #TMC"))).containsExactly("b");
			assertThat(matcher.matchAll(List.of(item("émission #tmc replay"), item("rien")))).containsExactly(
					java.util.Set.of("c"), java.util.Set.of());
		}
	}

	@Test
	void addsTheFieldsOnlyTheRegisteredQueriesRead() throws Exception {
		try (QueryMatcher matcher = new QueryMatcher()) {
			matcher.put("near", SearchQuery.parse("emiss* NEAR/2 bien").toLucene());
			assertThat(matcher.match(item("ces émissions sont trop bien"))).containsExactly("near");
			matcher.put("raw", SearchQuery.parse("raw:\"TMC\"").toLucene());
			assertThat(matcher.match(item("TMC ce soir"))).containsExactly("raw");
			assertThat(matcher.match(item("tmc ce soir"))).isEmpty();
			matcher.remove("near");
			assertThat(matcher.document(item("x")).getField("text_prefix")).isNull();
			assertThat(matcher.document(item("x")).getField("text_raw")).isNotNull();
		}
	}

	@Test
	void matchesAPageAsItsItemsOneByOne() throws Exception {
		try (QueryMatcher matcher = new QueryMatcher()) {
			matcher.put("prefix", SearchQuery.parse("anima*").toLucene());
			matcher.put("near", SearchQuery.parse("émiss* NEAR/2 génial").toLucene());
			matcher.put("tag", SearchQuery.parse("#quotidien -replay").toLucene());
			matcher.put("lang", SearchQuery.parse("barthes lang:fr").toLucene());
			List<ArchivedItem> page = List.of(item("Les animateurs de #Quotidien"), item("cette émission est géniale"),
					item("rien"), item("#Quotidien en replay"), item("Yann Barthes"), item("L'animatrice et l'émission, génial"));
			List<java.util.Set<String>> one = page.stream().map(matcher::match).toList();
			assertThat(matcher.matchAll(page)).isEqualTo(one);
			assertThat(one).containsExactly(java.util.Set.of("prefix", "tag"), java.util.Set.of(), java.util.Set.of(),
					java.util.Set.of(), java.util.Set.of("lang"), java.util.Set.of("prefix", "near"));
		}
	}

	/**
	 * Exactness on real posts: for every item of pages of 50, the matcher finds exactly the queries
	 * that match the item's document on its own (a Lucene memory index per item and query), for
	 * queries of every shape: words, phrases, groups, proximity, prefixes (also longer than the
	 * prefix field and inside NEAR), exclusions, facets, hashtags, raw text, and a query that
	 * matches without any of its words.
	 */
	@Test
	void pagesMatchedWhileOtherQueriesAreSavedAndRemovedFindWhatTheSteadyQueriesFind() throws Exception {
		try (QueryMatcher matcher = new QueryMatcher()) {
			matcher.put("steady-word", SearchQuery.parse("émission -replay").toLucene());
			matcher.put("steady-near", SearchQuery.parse("anima* NEAR/3 génial").toLucene());
			matcher.put("steady-phrase", SearchQuery.parse("\"yann barthes\" OR #quotidien").toLucene());
			List<ArchivedItem> page = List.of(item("Cette émission est géniale"), item("L'émission en replay"),
					item("Les animateurs sont géniaux"), item("Yann Barthes ce soir #Quotidien"), item("rien du tout"),
					item("animatrices vraiment géniaux, l'émission aussi"));
			List<java.util.Set<String>> steady = matcher.matchAll(page);
			assertThat(steady).containsExactly(java.util.Set.of("steady-word"), java.util.Set.of(),
					java.util.Set.of("steady-near"), java.util.Set.of("steady-phrase"), java.util.Set.of(),
					java.util.Set.of("steady-word", "steady-near"));
			// Queries that share the steady queries' terms and fields come and go while pages are matched.
			String[] churn = { "émission", "génial NEAR/2 anima*", "\"barthes ce soir\"", "replay OR rien",
					"émiss* lang:fr", "#quotidien -barthes" };
			java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
			java.util.concurrent.atomic.AtomicInteger edits = new java.util.concurrent.atomic.AtomicInteger();
			Thread editor = new Thread(() -> {
				for (int i = 0; !done.get(); i++) {
					String id = "churn-" + (i % churn.length);
					if (i % 3 == 2) {
						matcher.remove(id);
					}
					else {
						matcher.put(id, SearchQuery.parse(churn[i % churn.length]).toLucene());
					}
					edits.incrementAndGet();
				}
			});
			editor.start();
			try {
				for (int round = 0; round < 300 || edits.get() < 300; round++) {
					List<java.util.Set<String>> found = matcher.matchAll(page);
					for (int i = 0; i < page.size(); i++) {
						java.util.Set<String> kept = new java.util.HashSet<>(found.get(i));
						kept.removeIf(id -> id.startsWith("churn-"));
						assertThat(kept).as("item %d, round %d", i, round).isEqualTo(steady.get(i));
					}
				}
			}
			finally {
				done.set(true);
				editor.join();
			}
			for (int i = 0; i < churn.length; i++) {
				matcher.remove("churn-" + i);
			}
			assertThat(matcher.matchAll(page)).isEqualTo(steady);
			assertThat(matcher.size()).isEqualTo(3);
		}
	}

	@Test
	void findsForEachItemOfAPageWhatEachQueryFindsOnItsOwn() throws Exception {
		List<String> texts = new java.util.ArrayList<>();
		texts.addAll(lines(org.vigie.SharedData.path("umsab-sentiment/french/val_text.txt"), 200));
		texts.addAll(lines(org.vigie.SharedData.path("tweeteval-sentiment/train_text.txt"), 200));
		List<ArchivedItem> items = new java.util.ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			items.add(ArchivedItem.of(ItemId.generate(), text, i < 200 ? "fr" : "en", i % 2 == 0 ? Network.X : Network.BLUESKY,
					null, null, List.of("fan" + (i % 7)), "Fan", List.of(), List.of(), List.of(), null, ItemKind.MENTION,
					Instant.parse("2026-11-25T20:00:00Z")));
		}
		List<String> queries = queries(texts, new java.util.Random(11));
		// Any term frequencies: they choose which terms index a query, never what matches.
		try (QueryMatcher matcher = new QueryMatcher(t -> Math.floorMod(t.hashCode(), 1000))) {
			List<org.apache.lucene.search.Query> compiled = new java.util.ArrayList<>();
			List<org.apache.lucene.monitor.MonitorQuery> registered = new java.util.ArrayList<>();
			for (int q = 0; q < queries.size(); q++) {
				compiled.add(SearchQuery.parse(queries.get(q)).toLucene());
				registered.add(new org.apache.lucene.monitor.MonitorQuery(Integer.toString(q), compiled.get(q)));
			}
			matcher.put(registered.subList(0, 100));
			matcher.put(registered.subList(100, registered.size()));
			long hits = 0;
			for (int from = 0; from < items.size(); from += 50) {
				List<ArchivedItem> page = items.subList(from, Math.min(items.size(), from + 50));
				List<java.util.Set<String>> found = matcher.matchAll(page);
				for (int i = 0; i < page.size(); i++) {
					var alone = org.apache.lucene.index.memory.MemoryIndex.fromDocument(
							org.vigie.archive.ItemDocuments.forMatching(page.get(i)), org.vigie.archive.ItemAnalysis.analyzer())
						.createSearcher();
					java.util.Set<String> expected = new java.util.HashSet<>();
					for (int q = 0; q < compiled.size(); q++) {
						if (alone.count(compiled.get(q)) > 0) {
							expected.add(Integer.toString(q));
						}
					}
					assertThat(found.get(i)).as("%s", page.get(i).text()).isEqualTo(expected);
					hits += expected.size();
				}
			}
			assertThat(hits).as("the queries match many items").isGreaterThan(items.size() * 5L);
		}
	}

	private static List<String> queries(List<String> texts, java.util.Random r) {
		List<String> words = new java.util.ArrayList<>();
		for (String t : texts) {
			for (String w : t.split("[^\\p{L}]+")) {
				if (w.length() >= 4) {
					words.add(w);
				}
			}
		}
		// Half the words among the 60 most frequent, so that the items of a page often hold different
		// words of the same query.
		List<String> common = words.stream()
			.collect(java.util.stream.Collectors.groupingBy(x -> x.toLowerCase(java.util.Locale.ROOT),
					java.util.stream.Collectors.counting()))
			.entrySet()
			.stream()
			.sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
			.limit(60)
			.map(java.util.Map.Entry::getKey)
			.toList();
		java.util.function.Supplier<String> w = () -> r.nextBoolean() ? common.get(r.nextInt(common.size()))
				: words.get(r.nextInt(words.size()));
		List<String> out = new java.util.ArrayList<>(List.of("anticonstitutionnellement*", "#quotid*", "@user",
				"raw:\"Macron\"", "(macron OR -hollande) lang:fr", "(twitter OR -facebook) lang:en", "happy NEAR/3 birthday",
				"\"happy birthday\" -love", "raw:\"Happy birthday\"", "\"c'est pas\"", "lang:fr network:x", "twitter has:link", "author:fan3 lang:en"));
		for (int i = 0; i < 200; i++) {
			String a = w.get();
			String b = w.get();
			out.add(switch (i % 10) {
				case 0 -> a;
				case 1 -> a + " " + b;
				case 2 -> "\"" + a + " " + b + "\"";
				case 3 -> "(" + a + " OR " + b + " OR " + w.get() + ") " + w.get();
				case 4 -> a + " NEAR/3 " + b;
				case 5 -> a.substring(0, Math.min(a.length(), 5)) + "*";
				case 6 -> a + " -" + b;
				case 7 -> a + (i % 20 == 7 ? " lang:fr" : " network:bluesky");
				case 8 -> a.substring(0, Math.min(a.length(), 4)) + "* ONEAR/4 " + b;
				default -> "(" + a + " OR " + b + ") -(" + w.get() + " OR " + w.get() + ")";
			});
		}
		return out;
	}

	private static List<String> lines(java.nio.file.Path file, int n) throws java.io.IOException {
		return java.nio.file.Files.readAllLines(file).stream().filter(l -> !l.isBlank()).limit(n).toList();
	}

	static ArchivedItem item(String text) {
		return ArchivedItem.of(ItemId.generate(), text, "fr", Network.BLUESKY, null, null, List.of("fan"), "Fan", List.of(),
				List.of(), List.of(), null, ItemKind.MENTION, Instant.parse("2026-11-25T20:00:00Z"));
	}
}
