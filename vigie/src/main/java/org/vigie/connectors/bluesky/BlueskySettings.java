package org.vigie.connectors.bluesky;

import java.time.Duration;

/**
 * How Bluesky is read.
 *
 * @param timeout for connecting and for each response
 * @param pageSize items asked per page (the lexicons allow 1–100)
 * @param maxPagesPerWalk pages read before a walk down a newest-first listing stops where it is
 * @param backfill how far back the first read of a listing goes
 */
record BlueskySettings(Duration timeout, int pageSize, int maxPagesPerWalk, Duration backfill) {

	static final BlueskySettings DEFAULTS = new BlueskySettings(Duration.ofSeconds(20), 50, 20, Duration.ofDays(7));

	BlueskySettings {
		if (pageSize < 1 || pageSize > 100) {
			throw new IllegalArgumentException("vigie.connectors.bluesky.page-size must be 1–100, was " + pageSize);
		}
	}
}
