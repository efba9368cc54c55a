package org.vigie.ingest;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.shared.AccountId;
import org.vigie.shared.Ids;
import org.vigie.shared.Network;

/** Items a connector or the normaliser could not take, with the reason in words and the raw form. */
@Repository
class RejectedItems {

	private final JdbcClient jdbc;

	RejectedItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(AccountId account, Network network, String feedKey, String externalId, String reason,
			@Nullable String raw, Instant at) {
		jdbc.sql("""
				INSERT INTO rejected_items (id, account_id, network, feed_key, external_id, reason, raw, rejected_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (account_id, feed_key, external_id) DO UPDATE SET reason = excluded.reason, raw = excluded.raw,
				rejected_at = excluded.rejected_at""")
			.params(Ids.next().toString(), account.toString(), network.id(), feedKey,
					externalId.length() > 300 ? externalId.substring(0, 300) : externalId,
					reason.length() > 2000 ? reason.substring(0, 2000) : reason, raw, at.toEpochMilli())
			.update();
	}

	/** The rejections of an account, newest first. */
	List<Rejection> of(AccountId account) {
		return jdbc.sql("SELECT feed_key, external_id, reason, raw, rejected_at FROM rejected_items WHERE account_id = ? ORDER BY rejected_at DESC")
			.param(account.toString())
			.query((rs, n) -> new Rejection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					Instant.ofEpochMilli(rs.getLong(5))))
			.list();
	}

	record Rejection(String feedKey, String externalId, String reason, @Nullable String raw, Instant at) {
	}
}
