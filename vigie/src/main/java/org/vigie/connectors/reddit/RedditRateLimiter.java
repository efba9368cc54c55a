package org.vigie.connectors.reddit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.vigie.connectors.ConnectorException;
import org.vigie.shared.Reason;

/**
 * Reddit's free tier: 100 queries per minute per OAuth client id, whatever the account. A sliding
 * window per client id, shared by every account that uses that client; a request beyond it is
 * refused as rate limited until the oldest request of the window is a minute old. Never sleeps.
 * Thread-safe.
 */
final class RedditRateLimiter {

	static final int PER_MINUTE = 100;

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();

	private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

	private final Clock clock;

	RedditRateLimiter(Clock clock) {
		this.clock = clock;
	}

	/** Takes a permit for {@code clientId} or refuses. */
	void acquire(String clientId) throws ConnectorException.RateLimited {
		Instant now = clock.instant();
		Instant blocked = blockedUntil.get(clientId);
		if (blocked != null && blocked.isAfter(now)) {
			throw new ConnectorException.RateLimited("Reddit asked to wait", Reason.of("connectors.wait-until", "Reddit", blocked.toString()),
					blocked);
		}
		Deque<Instant> window = windows.computeIfAbsent(clientId, k -> new ArrayDeque<>());
		synchronized (window) {
			while (!window.isEmpty() && !window.peekFirst().plus(WINDOW).isAfter(now)) {
				window.pollFirst();
			}
			if (window.size() >= PER_MINUTE) {
				throw new ConnectorException.RateLimited("Vigie keeps under Reddit's " + PER_MINUTE + " requests a minute",
						Reason.of("connectors.reddit.per-minute", String.valueOf(PER_MINUTE)), window.peekFirst().plus(WINDOW));
			}
			window.addLast(now);
		}
	}

	/** Reddit's own count said the window is spent: nothing for this client until {@code until}. */
	void blockUntil(String clientId, Instant until) {
		blockedUntil.merge(clientId, until, (a, b) -> a.isAfter(b) ? a : b);
	}

	/** Requests made in the last minute by this client, for display. */
	int used(String clientId) {
		Deque<Instant> window = windows.get(clientId);
		if (window == null) {
			return 0;
		}
		Instant now = clock.instant();
		synchronized (window) {
			return (int) window.stream().filter(t -> t.plus(WINDOW).isAfter(now)).count();
		}
	}
}
