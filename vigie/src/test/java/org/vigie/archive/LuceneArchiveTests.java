package org.vigie.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;

class LuceneArchiveTests {

	static final Instant T0 = Instant.parse("2026-11-20T20:00:00Z");

	static final ShowId SHOW = ShowId.of("01900000-0000-7000-8000-000000000001");

	final LuceneArchive archive = new LuceneArchive(new ByteBuffersDirectory(), 16);

	@AfterEach
	void close() throws Exception {
		archive.close();
	}

	@Test
	void findsItemsNewestFirstWithPaging() {
		List<ArchivedItem> items = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			items.add(item("L'émission numéro " + i, T0.plusSeconds(i * 60L), i % 2 == 0 ? SHOW : null));
		}
		archive.index(items);
		var query = SearchQuery.parse("emission").toLucene();
		ArchivePage first = archive.search(query, ArchiveScope.ALL, Archive.Order.NEWEST, 0, 10);
		ArchivePage third = archive.search(query, ArchiveScope.ALL, Archive.Order.NEWEST, 20, 10);
		assertThat(first.total()).isEqualTo(25);
		assertThat(first.ids()).hasSize(10).first().isEqualTo(items.get(24).id());
		assertThat(third.ids()).hasSize(5).last().isEqualTo(items.get(0).id());
	}

	@Test
	void replacesAnItemIndexedTwice() {
		ArchivedItem item = item("Quotidien ce soir", T0, null);
		archive.index(List.of(item));
		archive.index(List.of(item));
		assertThat(archive.count(SearchQuery.parse("quotidien").toLucene(), ArchiveScope.ALL)).isEqualTo(1);
	}

	@Test
	void restrictsToPeriodAndShows() {
		archive.index(List.of(item("quotidien un", T0, SHOW), item("quotidien deux", T0.plusSeconds(86_400), null)));
		var query = SearchQuery.parse("quotidien").toLucene();
		assertThat(archive.count(query, ArchiveScope.since(T0.plusSeconds(3600)))).isEqualTo(1);
		assertThat(archive.count(query, ArchiveScope.ALL.withShows(Set.of(SHOW)))).isEqualTo(1);
		assertThat(archive.count(query, new ArchiveScope(T0, T0.plusSeconds(1), Set.of()))).isEqualTo(1);
	}

	@Test
	void countsStatisticsOfMatches() {
		archive.index(List.of(item("#Quotidien top", T0, SHOW), item("#quotidien bof", T0.plusSeconds(86_400), SHOW),
				item("autre chose", T0, null)));
		ArchiveStats stats = archive.stats(SearchQuery.parse("#quotidien").toLucene(),
				new ArchiveScope(T0.minusSeconds(86_400), T0.plusSeconds(2 * 86_400), Set.of()), ZoneOffset.UTC, 5, T0);
		assertThat(stats.total()).isEqualTo(2);
		assertThat(stats.perDay()).containsEntry(LocalDate.of(2026, 11, 20), 1L).containsEntry(LocalDate.of(2026, 11, 19), 0L);
		assertThat(stats.topHashtags()).containsExactly(new ArchiveStats.Count("quotidien", 2));
		assertThat(stats.perShow()).containsEntry(SHOW.toString(), 2L);
		assertThat(stats.sentiment()).containsEntry("positive", 2L);
		assertThat(stats.topAuthors()).extracting(ArchiveStats.Count::value).containsExactly("Fan");
	}

	static ArchivedItem item(String text, Instant at, ShowId show) {
		return ArchivedItem.of(ItemId.generate(), text, "fr", Network.X, show, null, List.of("fan"), "Fan", List.of(),
				List.of(), List.of(), "positive", ItemKind.MENTION, at);
	}
}
