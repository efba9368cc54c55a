package org.vigie.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.vigie.MutableClock;
import org.vigie.TestClockConfiguration;
import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.NewAccount;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;
import org.vigie.simulator.Faults;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;
import org.vigie.web.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every connector passes against its simulator fake, through the real ingest
 * runtime over HTTP on loopback: paging, resuming from the stored cursor, 429 with its reset,
 * backoff on 5xx, pause on 401, rejection of a malformed item. A connector's test extends it and
 * says how to connect an account to the simulator and how to write items its feed returns, with the
 * helpers below ({@link #simUser}, {@link #tokens}, {@link #connectAs}, {@link #mentions}).
 * Time is the injected {@link MutableClock}; nothing sleeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClockConfiguration.class)
public abstract class ConnectorContractIT {

	private static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	protected Simulator simulator;

	@Autowired
	protected Accounts accounts;

	@Autowired
	protected Ingestion ingestion;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MessageSource messages;

	/** The account under test, connected by {@link #connect(String)} before each test. */
	protected SocialAccount account;

	/** The network under test. */
	protected abstract Network network();

	/** The feed the contract polls (typically mentions or notifications). */
	protected abstract Feed feed();

	/** How many items one page of this feed holds, as the connector asks the network. */
	protected abstract int pageSize();

	/**
	 * Creates an account on the simulated network with a unique {@code handle}, gives it tokens,
	 * and connects it in Vigie with the simulator as its base URL.
	 */
	protected abstract SocialAccount connect(String handle);

	/**
	 * Writes {@code count} new items, at the current time, that {@link #feed()} returns for the
	 * account, and returns their external ids (the ground truth).
	 */
	protected abstract List<String> write(int count);

	/** Makes the network serve the item {@code externalId} broken. */
	protected void breakItem(String externalId) {
		simulator.world().breakPost(network(), externalId);
	}

	/** Revokes every token of the account on the simulated network. */
	protected abstract void revoke();

	@BeforeEach
	void connectFreshAccount() {
		simulator.faults().clear();
		simulator.windows().clear();
		// Whole seconds: X's reset header has no milliseconds.
		clock.set(clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
		account = connect("contract_" + network().id() + "_" + SEQ.incrementAndGet() + "_" + System.nanoTime() % 100000);
	}

	protected Set<String> stored() {
		return new HashSet<>(jdbc.sql("SELECT external_id FROM items WHERE account_id = ?")
			.param(account.id().toString())
			.query(String.class)
			.list());
	}

	protected AccountId id() {
		return account.id();
	}

	/** A user of the simulated network (the same one if the handle exists), French-speaking. */
	protected SimUser simUser(String handle, String name, boolean verified) {
		return simulator.world().addUser(network(), handle, name, verified ? 1000 : 10, verified, "fr");
	}

	/** Tokens for {@code user} from the simulated authorisation server. */
	protected SimAuth.Issued tokens(SimUser user, @Nullable Duration ttl, boolean withRefresh) {
		return simulator.auth().issue(network(), user.id(), ttl, withRefresh, clock.instant());
	}

	/** Connects {@code user} in Vigie, with the simulator's fake of {@link #network()} as its base URL. */
	protected SocialAccount connectAs(SimUser user, String externalId, Map<String, String> secrets,
			@Nullable Instant expiresAt) {
		return accounts.connect(new NewAccount(null, network(), user.handle(), externalId, user.name(),
				simulator.baseUrl(network()), secrets, expiresAt));
	}

	/** {@code count} public posts by {@code fan} mentioning {@code me}, now; {@code show} is the slug they are about. */
	protected List<SimPost> mentions(SimUser fan, SimUser me, int count, String words, @Nullable String show) {
		List<SimPost> posts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			posts.add(simulator.world().post(network(), fan, "@" + me.handle() + " " + words + " " + i + " #Contrat",
					clock.instant(), null, null, "fr", show));
		}
		return posts;
	}

	@Test
	void pagesThroughThreeOrMorePages() {
		List<String> truth = write(pageSize() * 3 + 2);
		clock.advance(Duration.ofSeconds(1));

		int pages = 0;
		Ingestion.PollOutcome outcome;
		do {
			outcome = ingestion.poll(id(), feed());
			pages++;
		}
		while (outcome == Ingestion.PollOutcome.MORE && pages < 20);

		assertThat(outcome).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
		assertThat(pages).isGreaterThanOrEqualTo(4);
		assertThat(stored()).containsExactlyInAnyOrderElementsOf(truth);
	}

	@Test
	void resumesFromStoredCursor() {
		List<String> first = write(pageSize() + 3);
		clock.advance(Duration.ofSeconds(1));
		assertThat(ingestion.drain(id(), feed(), 20)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
		assertThat(ingestion.cursor(id(), feed()).isStart()).isFalse();
		long storedBefore = ingestion.status(id(), feed()).orElseThrow().itemsStored();

		clock.advance(Duration.ofMinutes(1));
		List<String> second = write(4);
		clock.advance(Duration.ofSeconds(1));
		assertThat(ingestion.drain(id(), feed(), 20)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);

		assertThat(stored()).containsAll(first).containsAll(second).hasSize(first.size() + second.size());
		assertThat(ingestion.status(id(), feed()).orElseThrow().itemsStored()).isEqualTo(storedBefore + second.size());
	}

	@Test
	void honoursTheResetOfA429() {
		List<String> truth = write(3);
		clock.advance(Duration.ofSeconds(1));
		Instant now = clock.instant();
		simulator.faults().inject(network(), new Faults.TooManyRequests(Duration.ofSeconds(90)));

		assertThat(ingestion.poll(id(), feed())).isEqualTo(Ingestion.PollOutcome.RATE_LIMITED);
		Ingestion.FeedStatus limited = ingestion.status(id(), feed()).orElseThrow();
		assertThat(limited.nextPoll()).isEqualTo(now.plusSeconds(90));
		assertThat(limited.lastError()).isNotBlank();
		assertThat(stored()).isEmpty();

		clock.set(limited.nextPoll());
		assertThat(ingestion.drain(id(), feed(), 5)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
		assertThat(stored()).containsExactlyInAnyOrderElementsOf(truth);
	}

	@Test
	void backsOffExponentiallyOn5xx() {
		List<String> truth = write(2);
		clock.advance(Duration.ofSeconds(1));
		simulator.faults().inject(network(), new Faults.ServerError(503), 3);

		long previous = 0;
		for (int attempt = 1; attempt <= 3; attempt++) {
			Instant now = clock.instant();
			assertThat(ingestion.poll(id(), feed())).isEqualTo(Ingestion.PollOutcome.BACKING_OFF);
			Ingestion.FeedStatus status = ingestion.status(id(), feed()).orElseThrow();
			long wait = Duration.between(now, status.nextPoll()).toMillis();
			long expected = 5_000L << (attempt - 1);
			assertThat(status.failures()).isEqualTo(attempt);
			assertThat(wait).isBetween((long) (expected * 0.8) - 1, (long) (expected * 1.2) + 1);
			assertThat(wait).isGreaterThan(previous);
			previous = wait;
			clock.set(status.nextPoll());
		}

		assertThat(ingestion.drain(id(), feed(), 5)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
		assertThat(ingestion.status(id(), feed()).orElseThrow().failures()).isZero();
		assertThat(stored()).containsExactlyInAnyOrderElementsOf(truth);
	}

	@Test
	void pausesTheAccountOn401() {
		write(2);
		clock.advance(Duration.ofSeconds(1));
		revoke();

		assertThat(ingestion.poll(id(), feed())).isEqualTo(Ingestion.PollOutcome.PAUSED);

		SocialAccount paused = accounts.find(id()).orElseThrow();
		assertThat(paused.status()).isEqualTo(AccountStatus.PAUSED);
		// Stored as a message key and its arguments, shown in the reader's language.
		assertThat(Reason.decode(paused.statusReason()).code()).isPresent();
		assertThat(new Messages(messages, Locale.ENGLISH).reason(paused.statusReason())).containsIgnoringCase("reconnect").doesNotContain("reconnectez");
		assertThat(new Messages(messages, Locale.FRENCH).reason(paused.statusReason())).containsIgnoringCase("reconnectez");
		assertThat(ingestion.poll(id(), feed())).isEqualTo(Ingestion.PollOutcome.SKIPPED);
		assertThat(stored()).isEmpty();
	}

	@Test
	void recordsAMalformedItemAndKeepsPolling() {
		List<String> truth = write(6);
		String broken = truth.get(2);
		breakItem(broken);
		clock.advance(Duration.ofSeconds(1));

		assertThat(ingestion.drain(id(), feed(), 10)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);

		assertThat(stored()).hasSize(truth.size() - 1).doesNotContain(broken);
		List<Ingestion.Rejection> rejections = ingestion.rejections(id());
		assertThat(rejections).extracting(Ingestion.Rejection::externalId).contains(broken);
		Ingestion.Rejection rejection = rejections.stream().filter(r -> r.externalId().equals(broken)).findFirst().orElseThrow();
		assertThat(rejection.reason()).isNotBlank();
		assertThat(rejection.raw()).contains(broken);

		clock.advance(Duration.ofMinutes(1));
		List<String> more = write(3);
		clock.advance(Duration.ofSeconds(1));
		assertThat(ingestion.drain(id(), feed(), 10)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
		assertThat(stored()).containsAll(more);
	}
}
