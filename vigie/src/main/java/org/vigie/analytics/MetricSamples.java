package org.vigie.analytics;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.vigie.connectors.MetricValue;
import org.vigie.shared.AccountId;
import org.vigie.shared.Ids;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;

/** The stored metric samples. Thread-safe. */
@Repository
public class MetricSamples {

	private final JdbcClient jdbc;

	MetricSamples(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores every value of one reading, available or not, in one transaction. */
	@Transactional
	public void record(AccountId account, Network network, String objectId, List<MetricValue> values, Instant at) {
		for (MetricValue v : values) {
			jdbc.sql("""
					INSERT INTO metric_samples (id, account_id, network, object_id, metric, value, unavailable, sampled_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Ids.next().toString(), account.toString(), network.id(), objectId, v.name(), v.value(),
						v.unavailableReason(), at.toEpochMilli())
				.update();
		}
	}

	/** The newest sample of each metric of an object, by metric name. */
	public List<MetricSample> latest(Network network, String objectId) {
		return latest(network, objectId, show -> true);
	}

	/**
	 * The newest sample of each metric of an object, keeping only the samples read through an
	 * account whose show {@code visible} accepts (the show is null for an account attached to none).
	 */
	public List<MetricSample> latest(Network network, String objectId, Predicate<@Nullable ShowId> visible) {
		record Row(MetricSample sample, @Nullable ShowId show) {
		}
		return jdbc.sql("""
				SELECT s.metric, s.value, s.unavailable, s.sampled_at, a.show_id FROM metric_samples s
				LEFT JOIN social_accounts a ON a.id = s.account_id
				WHERE s.network = ? AND s.object_id = ? AND s.sampled_at = (SELECT MAX(t.sampled_at) FROM metric_samples t
				WHERE t.network = s.network AND t.object_id = s.object_id AND t.metric = s.metric)
				ORDER BY s.metric""")
			.params(network.id(), objectId)
			.query((rs, n) -> new Row(new MetricSample(network, objectId, rs.getString(1),
					rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))),
					rs.getString(5) == null ? null : ShowId.of(rs.getString(5))))
			.list()
			.stream()
			.filter(r -> visible.test(r.show()))
			.map(Row::sample)
			.toList();
	}
}
