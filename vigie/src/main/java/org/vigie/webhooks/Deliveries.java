package org.vigie.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.vigie.shared.Ids;
import org.vigie.shared.Network;

/**
 * The verified deliveries: the replay guard (one row per distinct body) and the queue of work
 * behind the quick 200. Thread-safe.
 */
@Repository
class Deliveries {

	/** A delivery waiting to be read. */
	record Pending(String id, Network network, String body, int attempts) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Deliveries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Queues a delivery; false when the same body was already received (a replay). */
	boolean enqueue(Network network, byte[] body) {
		String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
		return jdbc.sql("""
				INSERT INTO webhook_deliveries (id, network, digest, body, received_at, status)
				VALUES (?, ?, ?, ?, ?, 'PENDING') ON CONFLICT (digest) DO NOTHING""")
			.params(Ids.next().toString(), network.id(), Signatures.digest(network.id(), body), text, clock.millis())
			.update() == 1;
	}

	List<Pending> pending(int limit) {
		return jdbc.sql("SELECT id, network, body, attempts FROM webhook_deliveries WHERE status = 'PENDING' ORDER BY received_at LIMIT ?")
			.param(limit)
			.query((rs, n) -> new Pending(rs.getString(1), Network.fromId(rs.getString(2)).orElseThrow(), rs.getString(3),
					rs.getInt(4)))
			.list();
	}

	void done(String id, int events) {
		jdbc.sql("UPDATE webhook_deliveries SET status = 'DONE', events = ?, error = NULL, processed_at = ? WHERE id = ?")
			.params(events, clock.millis(), id)
			.update();
	}

	/** A failed attempt: retried later, given up after {@code maxAttempts}. */
	void failed(String id, String error, int attempts, int maxAttempts) {
		String trimmed = error.length() > 2000 ? error.substring(0, 2000) : error;
		jdbc.sql("UPDATE webhook_deliveries SET status = ?, attempts = ?, error = ?, processed_at = ? WHERE id = ?")
			.params(attempts >= maxAttempts ? "FAILED" : "PENDING", attempts, trimmed, clock.millis(), id)
			.update();
	}

	/** Drops the bodies of old deliveries, keeping their digests while a replay is still possible. */
	int prune(Duration keepDigests) {
		long cutoff = clock.millis() - keepDigests.toMillis();
		jdbc.sql("UPDATE webhook_deliveries SET body = NULL WHERE status = 'DONE' AND processed_at < ?")
			.param(clock.millis() - Duration.ofHours(1).toMillis())
			.update();
		return jdbc.sql("DELETE FROM webhook_deliveries WHERE received_at < ? AND status <> 'PENDING'").param(cutoff).update();
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries").query(Long.class).single();
	}
}
