package org.vigie.quotas;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.vigie.connectors.QuotaMeter;
import org.vigie.shared.Network;

/** {@link QuotaMeter} on the {@code quota_usage} and {@code quota_keys} tables; one upsert per call. Thread-safe. */
@Component
class JdbcQuotaMeter implements QuotaMeter {

	private final JdbcClient jdbc;

	JdbcQuotaMeter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void spend(Network network, String accountKey, String bucket, Instant periodStart, long units) {
		jdbc.sql("""
				INSERT INTO quota_usage (network, account_key, bucket, period_start, units) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (network, account_key, bucket, period_start) DO UPDATE SET units = quota_usage.units + EXCLUDED.units""")
			.params(network.id(), accountKey, bucket, periodStart.toEpochMilli(), units)
			.update();
	}

	@Override
	public long spent(Network network, String accountKey, String bucket, Instant periodStart) {
		return jdbc.sql("SELECT units FROM quota_usage WHERE network = ? AND account_key = ? AND bucket = ? AND period_start = ?")
			.params(network.id(), accountKey, bucket, periodStart.toEpochMilli())
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	@Override
	public Set<String> use(Network network, String accountKey, String bucket, String key, Instant now, Instant since) {
		// A key first used before the window counts as new again: its first use moves to now.
		jdbc.sql("""
				INSERT INTO quota_keys (network, account_key, bucket, key_value, first_used_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (network, account_key, bucket, key_value) DO UPDATE SET first_used_at =
				CASE WHEN quota_keys.first_used_at < ? THEN EXCLUDED.first_used_at ELSE quota_keys.first_used_at END""")
			.params(network.id(), accountKey, bucket, key, now.toEpochMilli(), since.toEpochMilli())
			.update();
		return used(network, accountKey, bucket, since).keySet();
	}

	@Override
	public Map<String, Instant> used(Network network, String accountKey, String bucket, Instant since) {
		Map<String, Instant> out = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT key_value, first_used_at FROM quota_keys WHERE network = ? AND account_key = ? AND bucket = ?
				AND first_used_at >= ? ORDER BY first_used_at, key_value""")
			.params(network.id(), accountKey, bucket, since.toEpochMilli())
			.query((rs, n) -> out.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
			.list();
		return out;
	}
}
