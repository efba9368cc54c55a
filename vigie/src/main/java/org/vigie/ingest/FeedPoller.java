package org.vigie.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.AccountId;
import org.vigie.shared.Reason;
import org.vigie.workspace.Workspaces;

/**
 * Polls one (account, feed) once: takes a rate-limit permit, reads one page after the stored
 * cursor, normalises and runs the {@link ItemStage}s per item (a bad item is recorded and
 * skipped), then in one transaction stores the items, the rejections and the new cursor and
 * publishes {@link ItemsIngested} with the newly stored items. Failures decide the next poll:
 * a 429 waits exactly until its reset, unavailability backs off exponentially, a revoked
 * authorisation pauses the account. Thread-safe; the scheduler never polls one feed twice at once.
 */
@Service
class FeedPoller {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private final Accounts accounts;

	private final ConnectorRuntime runtime;

	private final FeedStates feeds;

	private final ItemStore items;

	private final RejectedItems rejected;

	private final Stages stages;

	private final RateLimits limits;

	private final Workspaces workspaces;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Backoff backoff;

	private final IngestSettings settings;

	/** The shortest interval between two routine polls of a search feed, by account and feed key. */
	private final Map<String, Duration> searchIntervals = new ConcurrentHashMap<>();

	FeedPoller(Accounts accounts, ConnectorRuntime runtime, FeedStates feeds, ItemStore items, RejectedItems rejected,
			Stages stages, RateLimits limits, Workspaces workspaces, TransactionTemplate tx,
			ApplicationEventPublisher events, Clock clock, IngestSettings settings) {
		this.accounts = accounts;
		this.runtime = runtime;
		this.feeds = feeds;
		this.items = items;
		this.rejected = rejected;
		this.stages = stages;
		this.limits = limits;
		this.workspaces = workspaces;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
		this.backoff = new Backoff(settings.pollInterval(), settings.backoffBase(), settings.backoffCap(),
				settings.jitter(), ThreadLocalRandom.current());
	}

	/** What one poll did. */
	enum Outcome {
		/** Stored a page; the feed is caught up. */
		CAUGHT_UP,
		/** Stored a page; another is ready now. */
		MORE,
		/** No permit from Vigie's own limiter: deferred a little. */
		THROTTLED,
		/** The network said 429: deferred to its reset. */
		RATE_LIMITED,
		/** The network failed: backing off. */
		BACKING_OFF,
		/** The authorisation is gone: the account is paused. */
		PAUSED,
		/** The network refused the request itself: backing off. */
		REJECTED,
		/** The account is not connected or has no connector. */
		SKIPPED
	}

	/** Polls once; never throws for a network failure. */
	Outcome poll(AccountId id, Feed feed) {
		Instant now = clock.instant();
		Optional<SocialAccount> found = accounts.find(id);
		if (found.isEmpty() || found.get().status() != AccountStatus.CONNECTED) {
			return Outcome.SKIPPED;
		}
		SocialAccount account = found.get();
		feeds.ensure(id, feed, now);
		if (!limits.tryAcquire(id, account.network())) {
			feeds.deferTo(id, feed, now.plusSeconds(1));
			return Outcome.THROTTLED;
		}
		Optional<SocialConnector> connector;
		try {
			connector = runtime.open(id);
		}
		catch (IllegalArgumentException e) {
			accounts.pause(id, Reason.of("accounts.reason.credentials-unreadable", String.valueOf(e.getMessage())));
			return Outcome.PAUSED;
		}
		if (connector.isEmpty()) {
			return Outcome.SKIPPED;
		}
		FeedStates.State state = feeds.state(id, feed).orElseThrow();
		Batch batch;
		try {
			batch = connector.get().poll(feed, state.cursor());
		}
		catch (ConnectorException.RateLimited e) {
			Instant retry = e.retryAt().isAfter(now) ? e.retryAt() : now;
			feeds.failed(id, feed, now, retry, state.failures(), Reason.of("connectors.poll.rate-limited", e.reason()));
			log.info("{} {} rate limited until {}", account.handle(), feed.key(), retry);
			return Outcome.RATE_LIMITED;
		}
		catch (ConnectorException.Unavailable e) {
			int failures = state.failures() + 1;
			Duration wait = backoff.afterFailures(failures);
			feeds.failed(id, feed, now, now.plus(wait), failures, Reason.of("connectors.poll.unavailable", e.reason()));
			log.info("{} {} unavailable ({} failures), next try in {}", account.handle(), feed.key(), failures, wait);
			return Outcome.BACKING_OFF;
		}
		catch (ConnectorException.AuthRevoked e) {
			feeds.failed(id, feed, now, now.plus(backoff.steady()), state.failures(), Reason.of("connectors.poll.revoked", e.reason()));
			return Outcome.PAUSED;
		}
		catch (ConnectorException.Rejected e) {
			int failures = state.failures() + 1;
			rejected.record(id, account.network(), feed.key(), "", "Request refused: " + e.getMessage(), null, now);
			feeds.failed(id, feed, now, now.plus(backoff.afterFailures(failures)), failures,
					Reason.of("connectors.poll.rejected", e.reason()));
			return Outcome.REJECTED;
		}
		catch (ConnectorException e) {
			throw new IllegalStateException("A connector failure of an unknown kind", e);
		}
		return store(account, feed, batch, now);
	}

	/**
	 * Stores items a network pushed (a webhook delivery) like a polled page, in one transaction,
	 * without moving the feed's cursor: polling stays the safety net and the upsert makes the later
	 * poll of the same items harmless.
	 * @return how many were new
	 */
	int push(SocialAccount account, Feed feed, List<RemoteItem> remote, Instant now) {
		List<Batch.Rejected> bad = new ArrayList<>();
		List<ItemStore.Prepared> prepared = prepare(account, feed, remote, bad);
		List<IncomingItem> inserted = tx.execute(status -> {
			List<IncomingItem> fresh = items.store(prepared, now);
			for (Batch.Rejected r : bad) {
				rejected.record(account.id(), account.network(), feed.key(), r.externalId(), r.reason(), r.raw(), now);
			}
			return fresh;
		});
		if (inserted != null && !inserted.isEmpty()) {
			events.publishEvent(new ItemsIngested(inserted));
		}
		return inserted == null ? 0 : inserted.size();
	}

	/**
	 * Normalises items (one that fails is added to {@code bad} and skipped), then stages the page at
	 * once ({@link Stages#applyAll}: listening matches it in one pass).
	 */
	private List<ItemStore.Prepared> prepare(SocialAccount account, Feed feed, List<RemoteItem> remotes,
			List<Batch.Rejected> bad) {
		List<IncomingItem> normalised = new ArrayList<>();
		List<RemoteItem> kept = new ArrayList<>();
		for (RemoteItem remote : remotes) {
			try {
				boolean replyToUs = remote.parentExternalId() != null
						&& items.isFromUs(account.network(), remote.parentExternalId());
				IncomingItem item = Normaliser.normalise(remote, account, workspaces.current(), replyToUs);
				if (feed.kind() == Feed.Kind.SEARCH && !remote.fromUs()) {
					// Found by listening, not addressed to the account: the listening stage sets its show.
					item = new IncomingItem(item.id(), item.network(), item.externalId(), item.kind(), item.workspace(),
							item.show(), null, item.author(), item.text(), item.url(), item.createdAt(),
							item.parentExternalId(), item.conversationExternalId(), false, false, item.raw(),
							item.annotations());
				}
				normalised.add(item);
				kept.add(remote);
			}
			catch (RuntimeException e) {
				bad.add(new Batch.Rejected(remote.externalId(), String.valueOf(e.getMessage()), remote.raw() == null ? "" : remote.raw()));
			}
		}
		List<IncomingItem> staged = stages.applyAll(normalised);
		List<ItemStore.Prepared> prepared = new ArrayList<>();
		for (int i = 0; i < staged.size(); i++) {
			if (feed.kind() == Feed.Kind.SEARCH && staged.get(i).annotations().matchedQueries().isEmpty()) {
				// A network search is broader than the listening queries: keep only what one matches.
				continue;
			}
			prepared.add(new ItemStore.Prepared(staged.get(i), kept.get(i).metrics()));
		}
		return prepared;
	}

	private Outcome store(SocialAccount account, Feed feed, Batch batch, Instant now) {
		List<Batch.Rejected> bad = new ArrayList<>(batch.rejected());
		List<ItemStore.Prepared> prepared = prepare(account, feed, batch.items(), bad);
		Duration steady = backoff.steady();
		Duration minimum = searchIntervals.get(account.id() + "/" + feed.key());
		if (minimum != null && minimum.compareTo(steady) > 0) {
			steady = minimum;
		}
		Instant nextPoll = batch.hasMore() ? now : now.plus(steady);
		List<IncomingItem> inserted = tx.execute(status -> {
			List<IncomingItem> fresh = items.store(prepared, now);
			for (Batch.Rejected r : bad) {
				rejected.record(account.id(), account.network(), feed.key(), r.externalId(), r.reason(), r.raw(), now);
			}
			feeds.succeeded(account.id(), feed, batch.next(), now, nextPoll, fresh.size());
			return fresh;
		});
		if (inserted != null && !inserted.isEmpty()) {
			// Published once the connection is committed and released: listeners that write (in their
			// own transaction) would otherwise wait on SQLite's lock, which the committing connection
			// still holds during the after-commit callbacks.
			events.publishEvent(new ItemsIngested(inserted));
		}
		if (!bad.isEmpty()) {
			log.warn("{} {}: {} item(s) rejected, first: {}", account.handle(), feed.key(), bad.size(), bad.get(0).reason());
		}
		log.debug("{} {}: {} read, {} new, cursor {}", account.handle(), feed.key(), batch.items().size(),
				inserted == null ? 0 : inserted.size(), batch.next().value());
		return batch.hasMore() ? Outcome.MORE : Outcome.CAUGHT_UP;
	}

	/** Never polls this search feed more often than {@code every} once it is caught up. */
	void minimumInterval(AccountId id, Feed feed, Duration every) {
		searchIntervals.put(id + "/" + feed.key(), every);
	}

	/** Polls a feed page after page until it is caught up or fails, at most {@code maxPages} pages. */
	Outcome drain(AccountId id, Feed feed, int maxPages) {
		Outcome last = Outcome.SKIPPED;
		for (int i = 0; i < maxPages; i++) {
			last = poll(id, feed);
			if (last != Outcome.MORE) {
				return last;
			}
		}
		return last;
	}

	Cursor cursor(AccountId id, Feed feed) {
		return feeds.cursor(id, feed);
	}
}
