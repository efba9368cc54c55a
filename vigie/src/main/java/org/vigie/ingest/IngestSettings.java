package org.vigie.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How ingestion polls ({@code vigie.ingest.*}).
 *
 * @param schedulerEnabled poll in the background (off in tests, which call the poller directly)
 * @param pollInterval time between two polls of a feed that is caught up; default 30 s
 * @param jitter fraction of random spread on every delay (0.2 = ±20 %) so feeds do not poll in lockstep
 * @param backoffBase first delay after a failure; doubles with each further failure
 * @param backoffCap longest delay after failures
 * @param threads polls running at once
 * @param accountRequestsPerMinute permits per account, across its feeds (below the networks' own limits)
 * @param appRequestsPerMinute permits per network for the whole installation (one app per network)
 * @param backfill how far back the first poll of a new account reads
 */
@ConfigurationProperties("vigie.ingest")
record IngestSettings(@DefaultValue("true") boolean schedulerEnabled, @DefaultValue("30s") Duration pollInterval,
		@DefaultValue("0.2") double jitter, @DefaultValue("5s") Duration backoffBase,
		@DefaultValue("15m") Duration backoffCap, @DefaultValue("2") int threads,
		@DefaultValue("120") int accountRequestsPerMinute, @DefaultValue("1200") int appRequestsPerMinute,
		@DefaultValue("7d") Duration backfill) {

	IngestSettings {
		if (jitter < 0 || jitter >= 1) {
			throw new IllegalArgumentException("vigie.ingest.jitter must be in [0, 1), was " + jitter);
		}
		if (threads < 1) {
			throw new IllegalArgumentException("vigie.ingest.threads must be at least 1, was " + threads);
		}
		if (accountRequestsPerMinute < 1 || appRequestsPerMinute < 1) {
			throw new IllegalArgumentException("vigie.ingest.*-requests-per-minute must be at least 1");
		}
	}
}
