package org.vigie.connectors;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.vigie.shared.Network;

/**
 * Keeps count of what a connector spends from budgets the network counts itself, so that Vigie
 * stops before the network refuses and can show how much is left: YouTube's daily units (with
 * search's own bucket), Instagram's 30 unique hashtags per 7 days. Implemented by the runtime
 * (stored, shared by every connector of the same app); connectors only call it. Thread-safe.
 *
 * @see #inMemory()
 */
public interface QuotaMeter {

	/**
	 * Adds {@code units} to the bucket's count for the period starting {@code periodStart}.
	 * @param accountKey whose budget: the account's external id, or {@code app} for a per-app quota
	 */
	void spend(Network network, String accountKey, String bucket, Instant periodStart, long units);

	/** What was spent in that bucket and period; 0 when nothing. */
	long spent(Network network, String accountKey, String bucket, Instant periodStart);

	/** Records that {@code key} (a hashtag…) was used now, if it was not already; returns the keys used since {@code since}. */
	Set<String> use(Network network, String accountKey, String bucket, String key, Instant now, Instant since);

	/** The keys used since {@code since}, with when each was first used. */
	Map<String, Instant> used(Network network, String accountKey, String bucket, Instant since);

	/** A meter that forgets on restart: for tests and for connectors opened outside the runtime. */
	static QuotaMeter inMemory() {
		return new QuotaMeter() {

			private final Map<String, Long> units = new ConcurrentHashMap<>();

			private final Map<String, Map<String, Instant>> keys = new ConcurrentHashMap<>();

			@Override
			public void spend(Network network, String accountKey, String bucket, Instant periodStart, long n) {
				units.merge(network.id() + "/" + accountKey + "/" + bucket + "/" + periodStart, n, Long::sum);
			}

			@Override
			public long spent(Network network, String accountKey, String bucket, Instant periodStart) {
				return units.getOrDefault(network.id() + "/" + accountKey + "/" + bucket + "/" + periodStart, 0L);
			}

			@Override
			public Set<String> use(Network network, String accountKey, String bucket, String key, Instant now,
					Instant since) {
				Map<String, Instant> m = keys.computeIfAbsent(network.id() + "/" + accountKey + "/" + bucket,
						k -> new ConcurrentHashMap<>());
				m.merge(key, now, (old, neu) -> old.isBefore(since) ? neu : old);
				return used(network, accountKey, bucket, since).keySet();
			}

			@Override
			public Map<String, Instant> used(Network network, String accountKey, String bucket, Instant since) {
				Map<String, Instant> m = keys.getOrDefault(network.id() + "/" + accountKey + "/" + bucket, Map.of());
				Map<String, Instant> out = new TreeMap<>();
				m.forEach((k, at) -> {
					if (!at.isBefore(since)) {
						out.put(k, at);
					}
				});
				return out;
			}
		};
	}
}
