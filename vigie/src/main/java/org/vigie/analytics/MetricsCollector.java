package org.vigie.analytics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Insights;
import org.vigie.connectors.MetricValue;
import org.vigie.connectors.SocialConnector;
import org.vigie.ingest.ConnectorRuntime;
import org.vigie.shared.AccountId;

/**
 * Samples the metrics of the accounts (page, channel) and of their posts of the last week, through
 * the connectors' {@link Insights}, every hour. One failing request is logged and the others go on.
 */
@Service
public class MetricsCollector {

	private static final Logger log = LoggerFactory.getLogger(MetricsCollector.class);

	/** Posts are sampled for a week after they are published: the curve is flat after that. */
	private static final Duration POST_WINDOW = Duration.ofDays(7);

	private final ConnectorRuntime connectors;

	private final Accounts accounts;

	private final MetricSamples samples;

	private final JdbcClient jdbc;

	private final Clock clock;

	MetricsCollector(ConnectorRuntime connectors, Accounts accounts, MetricSamples samples, JdbcClient jdbc, Clock clock) {
		this.connectors = connectors;
		this.accounts = accounts;
		this.samples = samples;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Reads and stores the metrics of one object of an account (its own id for the page or channel).
	 * @param metrics the network's metric names; empty for the connector's default set
	 * @return what was stored: available values and unavailable ones with their reasons
	 * @throws ConnectorException when the request as a whole failed (nothing is stored)
	 */
	public List<MetricValue> collect(AccountId account, String objectId, List<String> metrics) throws ConnectorException {
		SocialAccount a = accounts.find(account).orElseThrow(() -> new IllegalArgumentException("Unknown account " + account));
		Optional<Insights> insights = connectors.open(account).flatMap(SocialConnector::insights);
		if (insights.isEmpty()) {
			return List.of();
		}
		List<MetricValue> values = insights.get().metrics(objectId, metrics);
		samples.record(account, a.network(), objectId, values, clock.instant());
		return values;
	}

	@Scheduled(fixedDelayString = "${vigie.analytics.metrics-every:1h}", initialDelayString = "${vigie.analytics.metrics-first:2m}")
	void sampleAll() {
		for (SocialAccount a : accounts.all()) {
			if (a.status() != AccountStatus.CONNECTED || a.externalId() == null
					|| connectors.factory(a.network()).isEmpty()) {
				continue;
			}
			List<String> objects = new ArrayList<>(List.of(a.externalId()));
			objects.addAll(recentPosts(a.id()));
			for (String object : objects) {
				try {
					collect(a.id(), object, List.of());
				}
				catch (ConnectorException | RuntimeException e) {
					log.info("No metrics for {} {} this time: {}", a.network().label(), object, e.getMessage());
				}
			}
		}
	}

	private List<String> recentPosts(AccountId account) {
		return jdbc.sql("SELECT external_id FROM items WHERE account_id = ? AND from_us = ? AND kind = 'POST' AND created_at >= ? ORDER BY created_at DESC LIMIT 20")
			.params(account.toString(), true, clock.instant().minus(POST_WINDOW).toEpochMilli())
			.query(String.class)
			.list();
	}
}
