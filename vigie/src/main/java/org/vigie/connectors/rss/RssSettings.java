package org.vigie.connectors.rss;

import java.time.Duration;

/**
 * How feeds are fetched.
 *
 * @param timeout for connecting and for the whole response
 * @param maxBytes a larger feed is refused (feeds hold only their last entries; megabytes mean something is wrong)
 * @param maxEntries entries read per fetch, newest kept
 * @param userAgent sent with every request, so that feed owners can tell who polls them
 * @param maxPages documents read in one walk through a paged feed's older documents (RFC 5005), the
 *     newest included: bounds the backfill of a feed with a long archive
 */
record RssSettings(Duration timeout, int maxBytes, int maxEntries, String userAgent, int maxPages) {

	static final RssSettings DEFAULTS = new RssSettings(Duration.ofSeconds(20), 5 * 1024 * 1024, 500,
			"Vigie/0.1 (self-hosted feed reader)", 20);

	RssSettings {
		if (maxBytes <= 0 || maxEntries <= 0 || maxPages <= 0) {
			throw new IllegalArgumentException("vigie.connectors.rss: maxBytes, maxEntries and maxPages must be positive");
		}
	}
}
