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

	static ArchivedItem item(String text) {
		return ArchivedItem.of(ItemId.generate(), text, "fr", Network.BLUESKY, null, null, List.of("fan"), "Fan", List.of(),
				List.of(), List.of(), null, ItemKind.MENTION, Instant.parse("2026-11-25T20:00:00Z"));
	}
}
