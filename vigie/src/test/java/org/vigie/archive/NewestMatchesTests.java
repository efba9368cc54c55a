package org.vigie.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NewestMatchesTests {

	static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	final LuceneArchive archive = new LuceneArchive(new ByteBuffersDirectory(), 16);

	@AfterEach
	void close() throws Exception {
		archive.close();
	}

	@Test
	void readsEveryMatchNewestFirstInBatchesWhateverTheirDensity() {
		List<ArchivedItem> items = new ArrayList<>();
		Random random = new Random(7);
		for (int i = 0; i < 3_000; i++) {
			// A year, oldest first as ingestion indexes them, with bursts of items in the same millisecond.
			Instant at = T0.plus(Duration.ofMinutes(i * 175L)).plusMillis(i % 50 < 5 ? 0 : random.nextInt(1000));
			String text = "émission " + (i % 97 == 0 || i % 50 < 5 ? "finale" : "du soir");
			items.add(LuceneArchiveTests.item(text, at, null));
		}
		for (int from = 0; from < items.size(); from += 500) {
			archive.index(items.subList(from, from + 500));
		}
		for (String text : List.of("finale", "emission")) {
			List<ArchivedItem> expected = items.stream().filter(i -> i.text().contains(text.equals("emission") ? "mission" : text))
				.sorted(Comparator.comparing(ArchivedItem::createdAt).reversed())
				.toList();
			for (int batch : List.of(7, 50, 1_000)) {
				List<NewestMatches.Match> read = new ArrayList<>();
				try (NewestMatches matches = archive.newest(SearchQuery.parse(text).toLucene())) {
					List<NewestMatches.Match> next;
					do {
						next = matches.next(batch);
						read.addAll(next);
					}
					while (next.size() == batch);
				}
				assertThat(read).extracting(NewestMatches.Match::createdAt)
					.containsExactlyElementsOf(expected.stream().map(i -> i.createdAt().toEpochMilli()).toList());
				assertThat(new HashSet<>(read.stream().map(NewestMatches.Match::id).toList()))
					.isEqualTo(new HashSet<>(expected.stream().map(i -> i.id().toString()).toList()));
			}
		}
	}

	@Test
	void findsNothingInAnEmptyArchive() {
		try (NewestMatches matches = archive.newest(SearchQuery.parse("finale").toLucene())) {
			assertThat(matches.next(10)).isEmpty();
		}
	}
}
