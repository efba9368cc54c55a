package org.vigie.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.ingest.Annotations;
import org.vigie.ingest.Author;
import org.vigie.ingest.IncomingItem;
import org.vigie.shared.Ids;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.WorkspaceId;

class EnrichStageTests {

	static final Instant NOW = Instant.parse("2026-11-25T21:00:00Z");

	static Enricher enricher;

	@BeforeAll
	static void load() {
		enricher = Enricher.load(PriorityPolicy.DEFAULT);
	}

	@Test
	void fillsTheAnnotations() {
		EnrichStage stage = new EnrichStage(enricher, Clock.fixed(NOW, ZoneOffset.UTC));
		IncomingItem enriched = stage.apply(item("Pourquoi l'épisode est coupé ?? c'est nul #DALS @TF1 😡"));
		Annotations a = enriched.annotations();
		assertThat(a.lang()).isEqualTo("fr");
		assertThat(a.sentiment()).isEqualTo("negative");
		assertThat(a.sentimentScore()).isBetween(1.0 / 3, 1.0);
		assertThat(a.hashtags()).containsExactly("DALS");
		assertThat(a.mentions()).containsExactly("TF1");
		assertThat(a.emojis()).containsExactly("😡");
		assertThat(a.priority()).isGreaterThan(50);
		assertThat(a.priorityReasons()).contains("question", "complaint", "negative", "direct_message");
		assertThat(a.errors()).isEmpty();
		assertThat(stage.order()).isEqualTo(100);
	}

	@Test
	void recordsAFailureAndLetsTheItemFlowOn() {
		Clock broken = new Clock() {
			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				throw new IllegalStateException("clock unplugged");
			}
		};
		IncomingItem item = item("hello");
		IncomingItem out = new EnrichStage(enricher, broken).apply(item);
		assertThat(out.annotations().errors()).singleElement().asString().startsWith("enrich: ").contains("clock unplugged");
		assertThat(out.annotations().lang()).isNull();
		assertThat(out.text()).isEqualTo(item.text());
	}

	private static IncomingItem item(String text) {
		Author author = new Author(Network.X, "42", "fan", "A fan", 120L, false, null, null);
		return new IncomingItem(new ItemId(Ids.next()), Network.X, "1", ItemKind.DIRECT_MESSAGE,
				new WorkspaceId(Ids.next()), null, null, author, text, null, NOW.minusSeconds(30), null, null, false, false,
				null, Annotations.NONE);
	}
}
