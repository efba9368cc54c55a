package org.vigie.ingest;

import java.time.Duration;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.stereotype.Component;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;

/**
 * Vigie's own ceilings on calls to the networks, below their documented limits: one limiter per
 * account (across its feeds) and one per network app (across every account). Never blocks: a poll
 * that gets no permit is deferred. The networks' own 429s are handled separately, by their reset
 * time.
 */
@Component
class RateLimits {

	private final RateLimiterRegistry accounts;

	private final RateLimiterRegistry apps;

	RateLimits(IngestSettings settings) {
		this.accounts = RateLimiterRegistry.of(config(settings.accountRequestsPerMinute()));
		this.apps = RateLimiterRegistry.of(config(settings.appRequestsPerMinute()));
	}

	/** Takes one permit from the account's and the app's limiter; false when either has none left now. */
	boolean tryAcquire(AccountId account, Network network) {
		RateLimiter app = apps.rateLimiter(network.id());
		if (!app.acquirePermission()) {
			return false;
		}
		return accounts.rateLimiter(account.toString()).acquirePermission();
	}

	private static RateLimiterConfig config(int perMinute) {
		return RateLimiterConfig.custom()
			.limitForPeriod(perMinute)
			.limitRefreshPeriod(Duration.ofMinutes(1))
			.timeoutDuration(Duration.ZERO)
			.build();
	}
}
