package org.vigie.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.vigie.MutableClock;
import org.vigie.TestClockConfiguration;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.NewAccount;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.shared.Network;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ingestion killed hard in the middle of a page — while the items run through the stages, in the
 * middle of writing the page's rows, or when writing the cursor after them — and restarted, loses
 * nothing and duplicates nothing, counted against the simulator's ground truth. The kills come
 * from outside the code under test: an {@link Error} from a stage (nothing catches it), and
 * SQLite triggers that abort the transaction after a given number of rows, as a dying process
 * would leave it uncommitted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import({ TestClockConfiguration.class, IngestCrashIT.Killer.class })
class IngestCrashIT {

	/** What a killed process leaves: nothing catches it. */
	static final class Killed extends Error {

		Killed(String where) {
			super("killed " + where);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Killer {

		static final AtomicInteger killStageAt = new AtomicInteger(-1);

		static final List<String> published = new ArrayList<>();

		@Bean
		ItemStage killingStage() {
			AtomicInteger seen = new AtomicInteger();
			return new ItemStage() {

				@Override
				public int order() {
					return 1_000;
				}

				@Override
				public String name() {
					return "killer";
				}

				@Override
				public IncomingItem apply(IncomingItem item) {
					if (killStageAt.get() >= 0 && seen.incrementAndGet() >= killStageAt.get()) {
						killStageAt.set(-1);
						seen.set(0);
						throw new Killed("in the middle of a page");
					}
					return item;
				}
			};
		}

		@EventListener
		void announced(ItemsIngested event) {
			synchronized (published) {
				event.items().forEach(i -> published.add(i.externalId()));
			}
		}
	}

	@Autowired
	Simulator simulator;

	@Autowired
	Accounts accounts;

	@Autowired
	Ingestion ingestion;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aKillInTheMiddleOfPagesLosesNothingAndDuplicatesNothing() {
		jdbc.sql("CREATE TABLE IF NOT EXISTS crash_switch (rows_left INTEGER NOT NULL, at_cursor INTEGER NOT NULL)").update();
		jdbc.sql("DELETE FROM crash_switch").update();
		jdbc.sql("INSERT INTO crash_switch VALUES (-1, 0)").update();
		jdbc.sql("""
				CREATE TRIGGER IF NOT EXISTS crash_mid_page BEFORE INSERT ON items
				WHEN (SELECT rows_left FROM crash_switch) = 0
				BEGIN SELECT RAISE(ABORT, 'killed in the middle of a page'); END""").update();
		jdbc.sql("""
				CREATE TRIGGER IF NOT EXISTS crash_countdown AFTER INSERT ON items
				WHEN (SELECT rows_left FROM crash_switch) > 0
				BEGIN UPDATE crash_switch SET rows_left = rows_left - 1; END""").update();
		jdbc.sql("""
				CREATE TRIGGER IF NOT EXISTS crash_at_cursor BEFORE UPDATE OF cursor_value ON ingest_feeds
				WHEN (SELECT at_cursor FROM crash_switch) = 1
				BEGIN SELECT RAISE(ABORT, 'killed before the commit'); END""").update();

		SimUser me = simulator.world().addUser(Network.X, "crash_test_show", "Crash Test", 100, true, "fr");
		SimUser fan = simulator.world().addUser(Network.X, "crash_test_fan", "Fan", 10, false, "fr");
		SimAuth.Issued tokens = simulator.auth().issue(Network.X, me.id(), Duration.ofHours(2), true, clock.instant());
		SocialAccount account = accounts.connect(new NewAccount(null, Network.X, me.handle(), me.id(), me.name(),
				simulator.baseUrl(Network.X), Map.of("access_token", tokens.accessToken(), "refresh_token",
						tokens.refreshToken()), tokens.expiresAt()));
		for (int i = 0; i < 430; i++) {
			simulator.world().post(Network.X, fan, "@" + me.handle() + " n°" + i, clock.instant(), null, null, "fr", null);
		}
		clock.advance(Duration.ofMinutes(1));
		for (int i = 0; i < 40; i++) {
			simulator.world().post(Network.X, fan, "@" + me.handle() + " plus tard " + i, clock.instant(), null, null, "fr", null);
		}
		clock.advance(Duration.ofSeconds(1));
		Set<String> truth = new HashSet<>();
		simulator.world().mentionsOf(Network.X, me, clock.instant()).stream().map(SimPost::id).forEach(truth::add);
		Feed mentions = Feed.of(Feed.Kind.MENTIONS);

		Random random = new Random(42);
		int kills = 0;
		Ingestion.PollOutcome outcome = null;
		for (int round = 0; round < 40 && outcome != Ingestion.PollOutcome.CAUGHT_UP; round++) {
			{
				switch (random.nextInt(3)) {
					case 0 -> Killer.killStageAt.set(1 + random.nextInt(90));
					case 1 -> jdbc.sql("UPDATE crash_switch SET rows_left = ?").param(1 + random.nextInt(60)).update();
					default -> jdbc.sql("UPDATE crash_switch SET at_cursor = 1").update();
				}
				assertThatThrownBy(() -> ingestion.poll(account.id(), mentions))
					.satisfiesAnyOf(e -> assertThat(e).isInstanceOf(Killed.class),
							e -> assertThat(e).hasMessageContaining("killed"));
				kills++;
				Killer.killStageAt.set(-1);
				jdbc.sql("UPDATE crash_switch SET rows_left = -1, at_cursor = 0").update();
			}
			// "Restart": a new poll opens a new connector and reads the stored cursor.
			outcome = ingestion.poll(account.id(), mentions);
		}
		jdbc.sql("DROP TRIGGER crash_mid_page").update();
		jdbc.sql("DROP TRIGGER crash_countdown").update();
		jdbc.sql("DROP TRIGGER crash_at_cursor").update();

		assertThat(outcome).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
		assertThat(kills).isGreaterThanOrEqualTo(4);
		List<String> stored = jdbc.sql("SELECT external_id FROM items WHERE account_id = ?")
			.param(account.id().toString())
			.query(String.class)
			.list();
		assertThat(stored).hasSameSizeAs(truth).containsExactlyInAnyOrderElementsOf(truth);
		List<String> announced;
		synchronized (Killer.published) {
			announced = List.copyOf(Killer.published);
		}
		assertThat(announced).as("each item announced once as new").doesNotHaveDuplicates();
		assertThat(new HashSet<>(announced)).containsAll(truth);
	}
}
