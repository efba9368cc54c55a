package org.vigie.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.WorkspaceId;

class StagesTests {

	@Test
	void runsEachStageOnTheWholePageInOrder() {
		AtomicInteger pages = new AtomicInteger();
		ItemStage tagging = new ItemStage() {
			@Override
			public int order() {
				return 200;
			}

			@Override
			public String name() {
				return "tag";
			}

			@Override
			public IncomingItem apply(IncomingItem item) {
				throw new AssertionError("the page is staged at once");
			}

			@Override
			public List<IncomingItem> applyAll(List<IncomingItem> items) {
				pages.incrementAndGet();
				return items.stream().map(i -> i.withAnnotations(i.annotations().withLanguage(i.text()))).toList();
			}
		};
		List<IncomingItem> staged = Stages.of(List.of(tagging)).applyAll(List.of(item("fr"), item("en")));
		assertThat(pages).hasValue(1);
		assertThat(staged).extracting(i -> i.annotations().lang()).containsExactly("fr", "en");
	}

	@Test
	void aStageFailingOnThePageIsAppliedOneItemAtATimeSoThatOnlyTheBadItemCarriesTheError() {
		ItemStage picky = new ItemStage() {
			@Override
			public int order() {
				return 100;
			}

			@Override
			public String name() {
				return "picky";
			}

			@Override
			public IncomingItem apply(IncomingItem item) {
				if (item.text().equals("bad")) {
					throw new IllegalArgumentException("cannot read it");
				}
				return item.withAnnotations(item.annotations().withLanguage("fr"));
			}
		};
		List<IncomingItem> staged = Stages.of(List.of(picky)).applyAll(List.of(item("good"), item("bad"), item("fine")));
		assertThat(staged).extracting(IncomingItem::text).containsExactly("good", "bad", "fine");
		assertThat(staged.get(0).annotations().lang()).isEqualTo("fr");
		assertThat(staged.get(1).annotations().errors()).containsExactly("picky: cannot read it");
		assertThat(staged.get(2).annotations().errors()).isEmpty();
	}

	static IncomingItem item(String text) {
		return new IncomingItem(ItemId.generate(), Network.X, text + System.nanoTime(), ItemKind.MENTION, WorkspaceId.generate(),
				null, null, new Author(Network.X, "1", "fan", "Fan", 0L, false, null, null), text, null,
				Instant.parse("2026-11-25T20:00:00Z"), null, null, false, false, null, Annotations.NONE);
	}
}
