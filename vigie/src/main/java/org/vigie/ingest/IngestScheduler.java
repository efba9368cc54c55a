package org.vigie.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vigie.accounts.AccountConnected;
import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.Feed;
import org.vigie.shared.AccountId;

/**
 * Runs due polls in the background: every second it schedules the feeds of connected accounts
 * (each kind the network's connector offers, searches excepted: listening adds those) and hands
 * due (account, feed) pairs to a small pool, never the same pair twice at once. A newly connected
 * account's feeds are due at once, with an empty cursor: its first polls are the backfill.
 */
@Component
class IngestScheduler implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(IngestScheduler.class);

	private final FeedPoller poller;

	private final FeedStates feeds;

	private final Accounts accounts;

	private final ConnectorRuntime runtime;

	private final IngestSettings settings;

	private final Clock clock;

	private final ExecutorService pool;

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private volatile long lastEnsure;

	private final List<SearchFeeds> searches;

	IngestScheduler(FeedPoller poller, FeedStates feeds, Accounts accounts, ConnectorRuntime runtime,
			IngestSettings settings, Clock clock, List<SearchFeeds> searches) {
		this.searches = searches;
		this.poller = poller;
		this.feeds = feeds;
		this.accounts = accounts;
		this.runtime = runtime;
		this.settings = settings;
		this.clock = clock;
		AtomicInteger n = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(settings.threads(), r -> {
			Thread t = new Thread(r, "vigie-ingest-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	/** Schedules the feeds of an account that was just connected or resumed, due now. */
	@EventListener
	void on(AccountConnected event) {
		accounts.find(event.account()).ifPresent(account -> {
			schedule(account, clock.instant());
			feeds.dueNow(account.id(), clock.instant());
		});
	}

	@Scheduled(fixedDelayString = "${vigie.ingest.tick:1s}", initialDelayString = "${vigie.ingest.initial-delay:3s}")
	void tick() {
		if (!settings.schedulerEnabled()) {
			return;
		}
		Instant now = clock.instant();
		if (now.toEpochMilli() - lastEnsure > 30_000) {
			lastEnsure = now.toEpochMilli();
			accounts.all().stream().filter(a -> a.status() == AccountStatus.CONNECTED).forEach(a -> schedule(a, now));
			for (SearchFeeds source : searches) {
				try {
					for (SearchFeed search : source.searchFeeds()) {
						feeds.ensure(search.account(), search.feed(), now);
						poller.minimumInterval(search.account(), search.feed(), search.every());
					}
				}
				catch (RuntimeException e) {
					log.warn("Could not read the listening searches to poll: {}", e.toString());
				}
			}
		}
		int free = settings.threads() * 2 - running.size();
		if (free <= 0) {
			return;
		}
		for (FeedStates.Due due : feeds.due(now, free + running.size())) {
			String key = due.account() + "/" + due.feed().key();
			if (running.add(key)) {
				pool.execute(() -> run(due.account(), due.feed(), key));
			}
		}
	}

	private void run(AccountId account, Feed feed, String key) {
		try {
			poller.poll(account, feed);
		}
		catch (RuntimeException e) {
			log.error("Polling {} failed unexpectedly", key, e);
		}
		finally {
			running.remove(key);
		}
	}

	private void schedule(SocialAccount account, Instant now) {
		runtime.factory(account.network()).map(ConnectorFactory::feeds).ifPresent(kinds -> kinds.stream()
			.filter(kind -> kind != Feed.Kind.SEARCH)
			.forEach(kind -> feeds.ensure(account.id(), Feed.of(kind), now)));
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}
}
