package org.vigie.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigie.archive.Archive;
import org.vigie.shared.Network;
import org.vigie.storage.TestDirs;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

/**
 * Free text read from the archive in batches and intersected with the database's filters: every
 * page in order, nothing repeated or skipped (items sharing a millisecond included), and a page
 * that runs out of its budget of matches ends short with a cursor that goes on.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ActiveProfiles("it")
class InboxTextPagingIT {

	static final Path DATA = TestDirs.create("inbox-text-paging");

	static final Instant T0 = Instant.parse("2026-11-20T20:00:00Z");

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Archive archive;

	@Autowired
	InboxQuery query;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("vigie.storage.data-dir", DATA::toString);
		registry.add("vigie.inbox.text-search-limit", () -> "100");
	}

	@BeforeAll
	void seed() {
		User root = team.createFirstAdmin("admin@example.org", "Admin", "correct horse battery");
		var show = shows.create(new Actor(root.id(), root.email(), root.role(), Set.of()), "Top Chef");
		InboxFixtures f = new InboxFixtures(jdbc);
		String account = f.account(show.id().toString(), Network.INSTAGRAM, "topchef");
		String fan = f.author(Network.INSTAGRAM, "marie_l", "Marie L.", 1200);
		for (int i = 0; i < 450; i++) {
			// Three items per millisecond, so that batches end in the middle of a tie.
			String text = i % 9 == 4 ? "Rien à voir" : "Vivement la finale n° " + i;
			String id = f.item(InboxFixtures.Seed.of(Network.INSTAGRAM, show.id().toString(), account, fan, text,
					T0.plusMillis(i / 3)).priority(i % 17));
			if (i % 5 != 0) {
				jdbc.sql("UPDATE items SET status = 'DONE' WHERE id = ?").param(id).update();
			}
			if (i % 2 == 0) {
				jdbc.sql("INSERT INTO item_tags (item_id, tag, created_at, item_created_at) SELECT id, 'pair', 0, created_at FROM items WHERE id = ?")
					.param(id)
					.update();
			}
			if (i < 6) {
				jdbc.sql("INSERT INTO item_tags (item_id, tag, created_at, item_created_at) SELECT id, 'rare', 0, created_at FROM items WHERE id = ?")
					.param(id)
					.update();
			}
		}
		archive.rebuild();
	}

	@Test
	void pagesThroughEveryMatchInOrderWhateverTheBatches() {
		InboxFilter open = filter("finale", "open", null);
		List<String> expected = jdbc.sql("""
				SELECT id FROM items WHERE status = 'OPEN' AND text LIKE '%finale%' ORDER BY created_at DESC, id DESC""")
			.query(String.class).list();
		assertThat(expected).hasSizeGreaterThan(60);
		assertThat(allPages(open, 7)).containsExactlyElementsOf(expected);
	}

	@Test
	void endsAPageShortWhenItsBudgetRunsOutAndGoesOnFromThere() {
		InboxFilter rare = filter("finale", null, "rare");
		ItemPage first = query.page(Visibility.EVERYTHING, rare, true, null, 10);
		assertThat(first.items()).isEmpty();
		assertThat(first.nextCursor()).isNotNull();
		List<String> expected = jdbc.sql("""
				SELECT i.id FROM items i JOIN item_tags t ON t.item_id = i.id
				WHERE t.tag = 'rare' AND i.text LIKE '%finale%' ORDER BY i.created_at DESC, i.id DESC""")
			.query(String.class).list();
		assertThat(allPages(rare, 10)).containsExactlyElementsOf(expected).hasSize(5);
	}

	@Test
	void readsATagsItemsFromItsOwnTableInBatchesAndPagesThroughThemAll() {
		List<String> expected = jdbc.sql("""
				SELECT i.id FROM items i JOIN item_tags t ON t.item_id = i.id
				WHERE t.tag = 'pair' AND i.status = 'OPEN' ORDER BY i.created_at DESC, i.id DESC""")
			.query(String.class).list();
		assertThat(expected).hasSizeGreaterThan(40);
		assertThat(allPages(filter(null, "open", "pair"), 7)).containsExactlyElementsOf(expected);
	}

	@Test
	void ordersTheNewestMatchesByPriority() {
		ItemPage page = query.page(Visibility.EVERYTHING, filter("finale", null, null).withOrder(InboxOrder.PRIORITY), true,
				null, 10);
		assertThat(page.items()).hasSize(10).allSatisfy(i -> assertThat(i.text()).contains("finale"));
		assertThat(page.items()).extracting(InboxItem::priority).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(page.items().get(0).priority()).isEqualTo(16.0);
	}

	private List<String> allPages(InboxFilter filter, int limit) {
		List<String> ids = new ArrayList<>();
		String cursor = null;
		for (int pages = 0; pages < 200; pages++) {
			ItemPage page = query.page(Visibility.EVERYTHING, filter, true, cursor, limit);
			page.items().forEach(i -> ids.add(i.id()));
			cursor = page.nextCursor();
			if (cursor == null) {
				return ids;
			}
		}
		throw new AssertionError("More than 200 pages");
	}

	private static InboxFilter filter(@Nullable String text, @Nullable String status, @Nullable String tag) {
		return new InboxFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
				status == null ? Set.of() : Set.of(ItemStatus.fromId(status).orElseThrow()), null, tag, null, null, null, text,
				InboxOrder.TIME);
	}
}
