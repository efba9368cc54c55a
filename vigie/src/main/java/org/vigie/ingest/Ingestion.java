package org.vigie.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.vigie.accounts.Accounts;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.RemoteItem;
import org.vigie.shared.AccountId;

/**
 * Ingestion as other modules and tests see it: poll a feed now, add a feed (a listening search)
 * to an account's schedule, read where each feed stands and what was rejected. The background
 * scheduler does the routine polling. Thread-safe.
 */
@Service
public class Ingestion {

	private final FeedPoller poller;

	private final FeedStates feeds;

	private final RejectedItems rejected;

	private final Clock clock;

	private final Accounts accounts;

	Ingestion(FeedPoller poller, FeedStates feeds, RejectedItems rejected, Clock clock,
			Accounts accounts) {
		this.accounts = accounts;
		this.poller = poller;
		this.feeds = feeds;
		this.rejected = rejected;
		this.clock = clock;
	}

	/** What one poll did. */
	public enum PollOutcome {
		/** Stored a page; the feed is caught up. */
		CAUGHT_UP,
		/** Stored a page; another is ready now. */
		MORE,
		/** No permit from Vigie's own rate limiter: deferred a moment. */
		THROTTLED,
		/** The network answered 429: the next poll waits until its reset. */
		RATE_LIMITED,
		/** The network failed: backing off exponentially. */
		BACKING_OFF,
		/** The authorisation is gone: the account is paused. */
		PAUSED,
		/** The network refused the request itself: recorded, backing off. */
		REJECTED,
		/** The account is not connected or its network has no connector. */
		SKIPPED
	}

	/**
	 * Polls one page of a feed now, whatever its schedule (adding it to the schedule if needed).
	 * Never throws for a network failure: the outcome says what happened.
	 */
	public PollOutcome poll(AccountId account, Feed feed) {
		return PollOutcome.valueOf(poller.poll(account, feed).name());
	}

	/** Polls page after page until the feed is caught up or a poll does not succeed; at most {@code maxPages}. */
	public PollOutcome drain(AccountId account, Feed feed, int maxPages) {
		return PollOutcome.valueOf(poller.drain(account, feed, maxPages).name());
	}

	/**
	 * Feeds items a network pushed (webhooks) into the same pipeline as polled pages: normalised,
	 * staged, upserted on (network, external id), {@link ItemsIngested} for the new ones. The
	 * feed's cursor does not move; polling stays the safety net.
	 * @return how many items were new (a redelivered or already polled item is not)
	 * @throws IllegalArgumentException if the account is unknown
	 */
	public int push(AccountId account, Feed feed, List<RemoteItem> items) {
		return poller.push(accounts.find(account).orElseThrow(() -> new IllegalArgumentException("Unknown account " + account)),
				feed, items, clock.instant());
	}

	/** Adds a feed (e.g. a listening search) to the account's schedule, due now. */
	public void watch(AccountId account, Feed feed) {
		feeds.ensure(account, feed, clock.instant());
	}

	/** The stored cursor of a feed; {@link Cursor#START} before its first successful poll. */
	public Cursor cursor(AccountId account, Feed feed) {
		return feeds.cursor(account, feed);
	}

	/** Where a feed stands; empty if it was never scheduled. */
	public Optional<FeedStatus> status(AccountId account, Feed feed) {
		return feeds.state(account, feed).map(FeedStatus::of);
	}

	/** Where every feed of an account stands. */
	public List<FeedStatus> statuses(AccountId account) {
		return feeds.states(account).stream().map(FeedStatus::of).toList();
	}

	/** What the account's feeds could not take, newest first. */
	public List<Rejection> rejections(AccountId account) {
		return rejected.of(account)
			.stream()
			.map(r -> new Rejection(r.feedKey(), r.externalId(), r.reason(), r.raw(), r.at()))
			.toList();
	}

	/**
	 * The schedule of one feed.
	 * @param failures consecutive failed polls (0 after a success)
	 * @param lastError the latest failure in words; null after a success
	 */
	public record FeedStatus(String feedKey, Cursor cursor, Instant nextPoll, @Nullable Instant lastPoll,
			@Nullable Instant lastSuccess, int failures, @Nullable String lastError, long itemsStored) {

		static FeedStatus of(FeedStates.State s) {
			return new FeedStatus(s.feedKey(), s.cursor(), s.nextPoll(), s.lastPoll(), s.lastSuccess(), s.failures(),
					s.lastError(), s.itemsStored());
		}
	}

	/** An item a feed could not take, with the reason in words and the network's raw form. */
	public record Rejection(String feedKey, String externalId, String reason, @Nullable String raw, Instant at) {
	}
}
