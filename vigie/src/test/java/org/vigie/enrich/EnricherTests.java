package org.vigie.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.shared.ItemKind;

class EnricherTests {

	static final Instant NOW = Instant.parse("2026-11-25T21:00:00Z");

	static Enricher enricher;

	@BeforeAll
	static void load() {
		enricher = Enricher.load(PriorityPolicy.DEFAULT);
	}

	@Test
	void understandsAFrenchComplaint() {
		Enrichment e = enricher.enrich("@TF1 toujours pas de replay de #DALS, c'est honteux 😡 https://tf1.fr/dals",
				new ItemFacts(ItemKind.MENTION, false, 15_000L, NOW.minusSeconds(60)), NOW);
		assertThat(e.language()).isEqualTo("fr");
		assertThat(e.sentiment().sentiment()).isEqualTo(Sentiment.NEGATIVE);
		assertThat(e.entities().mentions()).containsExactly("TF1");
		assertThat(e.entities().hashtags()).containsExactly("DALS");
		assertThat(e.entities().urls()).containsExactly("https://tf1.fr/dals");
		assertThat(e.entities().emojis()).containsExactly("😡");
		assertThat(e.spam()).isFalse();
		assertThat(e.priority().reasons()).contains("complaint", "negative", "influential", "recent");
	}

	@Test
	void understandsAnEnglishCompliment() {
		Enrichment e = enricher.enrich("Loved tonight's episode, sooo good!! 😍",
				new ItemFacts(ItemKind.COMMENT, true, null, NOW), NOW);
		assertThat(e.language()).isEqualTo("en");
		assertThat(e.sentiment().sentiment()).isEqualTo(Sentiment.POSITIVE);
		assertThat(e.priority().reasons()).contains("reply_to_us").doesNotContain("negative");
	}

	@Test
	void answersBlankAndHugeTexts() {
		Enrichment blank = enricher.enrich("", new ItemFacts(ItemKind.COMMENT, false, null, NOW), NOW);
		assertThat(blank.language()).isEqualTo("und");
		assertThat(blank.entities()).isEqualTo(Entities.NONE);
		Enrichment huge = enricher.enrich("très bien ".repeat(100_000), new ItemFacts(ItemKind.COMMENT, false, null, NOW),
				NOW);
		assertThat(huge.language()).isEqualTo("fr");
	}
}
