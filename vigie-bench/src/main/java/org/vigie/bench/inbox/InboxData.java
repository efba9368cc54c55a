package org.vigie.bench.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.shared.Ids;
import org.vigie.shared.Network;

/**
 * A year of a production company's inbox, made up: 4 shows, 12 accounts, 100,000 authors, and as
 * many items as asked, spread over the last 365 days with the mix of networks, kinds, languages,
 * sentiments and statuses a real one has (old items mostly done), 2% tagged, 2% matched by a
 * listening query, about 1% mentioning « la finale ». Deterministic (seeded).
 */
final class InboxData {

	private static final String[] FR = ("le la les un une des et mais donc or ni car que qui quoi dont où ce cette ces "
			+ "émission candidat candidate jury soirée épisode replay bravo merci super nul génial triste drôle "
			+ "vivement demain hier soir semaine saison chaîne télé programme présentatrice invité plateau direct "
			+ "question pourquoi quand comment vote gagnant perdant équipe défi cuisine voyage shopping robe style")
		.split(" ");

	private static final String[] EN = ("the a an and but so what who when where why how this that these show episode "
			+ "contestant judge night tonight yesterday season channel host guest live question vote winner loser "
			+ "team challenge love hate great awful funny sad amazing thanks please watch stream replay")
		.split(" ");

	private static final Network[] NETWORKS = { Network.INSTAGRAM, Network.INSTAGRAM, Network.INSTAGRAM,
			Network.FACEBOOK, Network.FACEBOOK, Network.FACEBOOK, Network.X, Network.X, Network.YOUTUBE,
			Network.MASTODON, Network.BLUESKY, Network.REDDIT };

	private static final String[] KINDS = { "COMMENT", "COMMENT", "COMMENT", "COMMENT", "COMMENT", "MENTION", "MENTION",
			"REPLY", "REPLY", "LISTENING_HIT", "DIRECT_MESSAGE" };

	private static final int AUTHORS = 100_000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Clock clock;

	private final Instant now;

	InboxData(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
		this.now = jdbc.sql("SELECT MAX(created_at) FROM items").query(Long.class).optional()
			.map(Instant::ofEpochMilli).orElse(clock.instant());
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM items").query(Long.class).single();
	}

	Instant now() {
		return now;
	}

	List<String> shows() {
		return jdbc.sql("SELECT id FROM shows ORDER BY slug").query(String.class).list();
	}

	List<String> accounts() {
		return jdbc.sql("SELECT id FROM social_accounts ORDER BY handle").query(String.class).list();
	}

	List<String> users() {
		return jdbc.sql("SELECT id FROM users ORDER BY email").query(String.class).list();
	}

	String query() {
		return jdbc.sql("SELECT id FROM listening_queries ORDER BY name LIMIT 1").query(String.class).single();
	}

	/** Adds {@code n} items (and, the first time, the shows, accounts, users, authors and query they need). */
	void generate(int n) throws SQLException {
		long t0 = clock.millis();
		String workspace = jdbc.sql("SELECT id FROM workspaces ORDER BY created_at LIMIT 1").query(String.class).optional()
			.orElseGet(() -> {
				String id = Ids.next().toString();
				jdbc.sql("INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)").params(id, "Bench", t0).update();
				return id;
			});
		if (shows().isEmpty()) {
			String[] names = { "Les Reines du Shopping", "Pékin Express", "Top Chef", "Le Meilleur Pâtissier" };
			for (int s = 0; s < names.length; s++) {
				String show = Ids.next().toString();
				jdbc.sql("INSERT INTO shows (id, workspace_id, name, slug, created_at) VALUES (?, ?, ?, ?, ?)")
					.params(show, workspace, names[s], "show-" + s, t0).update();
				for (Network net : new Network[] { Network.INSTAGRAM, Network.FACEBOOK, Network.X }) {
					jdbc.sql("""
							INSERT INTO social_accounts (id, workspace_id, show_id, network, handle, created_at, updated_at)
							VALUES (?, ?, ?, ?, ?, ?, ?)""")
						.params(Ids.next().toString(), workspace, show, net.id(), "show" + s + "-" + net.id(), t0, t0).update();
				}
			}
			for (int u = 0; u < 5; u++) {
				jdbc.sql("INSERT INTO users (id, email, display_name, role, created_at) VALUES (?, ?, ?, ?, ?)")
					.params(Ids.next().toString(), "cm" + u + "@bench.example", "CM " + u, "COMMUNITY_MANAGER", t0).update();
			}
			jdbc.sql("""
					INSERT INTO listening_queries (id, workspace_id, show_id, name, query, applies_from, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Ids.next().toString(), workspace, shows().get(0), "finale", "finale OR \"la finale\"", 0L, t0, t0)
				.update();
			insertAuthors();
		}
		insertItems(workspace, n);
	}

	private void insertAuthors() throws SQLException {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement ps = c.prepareStatement("""
					INSERT INTO authors (id, network, external_id, handle, display_name, followers, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
				for (int a = 0; a < AUTHORS; a++) {
					ps.setString(1, authorId(a));
					ps.setString(2, NETWORKS[a % NETWORKS.length].id());
					ps.setString(3, "a" + a);
					ps.setString(4, "fan_" + a);
					ps.setString(5, "Fan " + a);
					ps.setLong(6, (a * 7919L) % 50_000);
					ps.setLong(7, 0L);
					ps.addBatch();
					if (a % 5_000 == 4_999) {
						ps.executeBatch();
					}
				}
				ps.executeBatch();
			}
			c.commit();
		}
	}

	/** A stable id per author number, so that items can refer to authors without a lookup. */
	private static String authorId(int a) {
		return String.format("00000000-0000-7000-8000-%012d", a);
	}

	private void insertItems(String workspace, int n) throws SQLException {
		List<String> shows = shows();
		List<String> accounts = jdbc.sql("SELECT id, show_id, network FROM social_accounts ORDER BY handle")
			.query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).list();
		List<String> users = users();
		String query = query();
		SplittableRandom random = new SplittableRandom(42 + count());
		long end = now.toEpochMilli();
		long span = Duration.ofDays(365).toMillis();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement items = c.prepareStatement("""
					INSERT INTO items (id, network, external_id, kind, workspace_id, show_id, account_id, author_id, text,
					  created_at, ingested_at, lang, sentiment, sentiment_score, priority, status, snoozed_until, assignee_id, from_us)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
					PreparedStatement tags = c.prepareStatement(
							"INSERT INTO item_tags (item_id, tag, created_at, item_created_at) VALUES (?, ?, ?, ?)");
					PreparedStatement matches = c.prepareStatement("""
							INSERT INTO item_matches (item_id, query_id, show_id, item_created_at, matched_at)
							VALUES (?, ?, ?, ?, ?)""")) {
				List<Long> times = new ArrayList<>(n);
				for (int i = 0; i < n; i++) {
					times.add(end - (long) (random.nextDouble() * span));
				}
				times.sort(null);
				for (int i = 0; i < n; i++) {
					long at = times.get(i);
					String[] account = accounts.get(random.nextInt(accounts.size())).split("\\|");
					String kind = KINDS[random.nextInt(KINDS.length)];
					Network network = kind.equals("LISTENING_HIT") ? NETWORKS[random.nextInt(NETWORKS.length)]
							: Network.fromId(account[2]).orElseThrow();
					boolean french = random.nextInt(100) < 70;
					boolean recent = end - at < Duration.ofDays(7).toMillis();
					int roll = random.nextInt(100);
					String status = recent ? (roll < 70 ? "OPEN" : roll < 95 ? "DONE" : "SNOOZED") : (roll < 96 ? "DONE" : "OPEN");
					String id = Ids.next().toString();
					items.setString(1, id);
					items.setString(2, network.id());
					items.setString(3, "x" + count0 + "-" + i);
					items.setString(4, kind);
					items.setString(5, workspace);
					items.setString(6, account[1]);
					items.setString(7, kind.equals("LISTENING_HIT") ? null : account[0]);
					items.setString(8, authorId(random.nextInt(AUTHORS)));
					String text = text(random, french);
					items.setString(9, text);
					items.setLong(10, at);
					items.setLong(11, at);
					items.setString(12, french ? "fr" : random.nextInt(5) == 0 ? "und" : "en");
					int s = random.nextInt(10);
					items.setString(13, s < 2 ? "negative" : s < 7 ? "neutral" : "positive");
					items.setDouble(14, random.nextDouble());
					items.setDouble(15, Math.floor(random.nextDouble() * 100));
					items.setString(16, status);
					if (status.equals("SNOOZED")) {
						items.setLong(17, end + Duration.ofHours(3).toMillis());
					}
					else {
						items.setNull(17, java.sql.Types.BIGINT);
					}
					items.setString(18, random.nextInt(10) == 0 ? users.get(random.nextInt(users.size())) : null);
					items.setBoolean(19, false);
					items.addBatch();
					if (random.nextInt(50) == 0) {
						tags.setString(1, id);
						tags.setString(2, "sav");
						tags.setLong(3, at);
						tags.setLong(4, at);
						tags.addBatch();
					}
					if (text.contains("finale") || random.nextInt(80) == 0) {
						matches.setString(1, id);
						matches.setString(2, query);
						matches.setString(3, account[1]);
						matches.setLong(4, at);
						matches.setLong(5, at);
						matches.addBatch();
					}
					if (i % 5_000 == 4_999) {
						items.executeBatch();
						tags.executeBatch();
						matches.executeBatch();
					}
					if (i % 100_000 == 99_999) {
						c.commit();
						System.out.printf("  %,d items%n", i + 1);
					}
				}
				items.executeBatch();
				tags.executeBatch();
				matches.executeBatch();
			}
			c.commit();
		}
	}

	private final long count0 = System.nanoTime();

	private static String text(SplittableRandom random, boolean french) {
		String[] words = french ? FR : EN;
		int n = 6 + random.nextInt(14);
		StringBuilder out = new StringBuilder();
		for (int w = 0; w < n; w++) {
			if (w > 0) {
				out.append(' ');
			}
			out.append(words[random.nextInt(words.length)]);
		}
		int special = random.nextInt(100);
		if (special == 0) {
			out.append(french ? " vivement la finale !" : " can't wait for the finale!");
		}
		else if (special == 1) {
			out.append(french ? " j'adore l'émission" : " #show");
		}
		if (random.nextInt(4) == 0) {
			out.append(random.nextBoolean() ? " ?" : " !");
		}
		return out.toString();
	}
}
