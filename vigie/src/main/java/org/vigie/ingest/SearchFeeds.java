package org.vigie.ingest;

import java.util.List;

/**
 * The network-side searches to poll, contributed as a bean by listening (which translates each
 * listening query into each network's search syntax). The ingest scheduler asks for them about
 * every 30 seconds and polls them like any other feed, with their own cursors.
 *
 * <p>Contract for the runtime: a network search is often broader than the listening query (no
 * proximity on X, hashtags only on Mastodon…), so items read from a {@link org.vigie.connectors.Feed.Kind#SEARCH}
 * feed that no listening query matches after the {@link ItemStage}s ran
 * ({@link Annotations#matchedQueries()} empty) are dropped, not stored. The listening stage also
 * sets such an item's show to the show of the query that matched it.
 *
 * <p>Implementations are thread-safe and cheap (no network I/O).
 */
public interface SearchFeeds {

	/** The searches to poll now; empty when there are none. Never null. */
	List<SearchFeed> searchFeeds();
}
