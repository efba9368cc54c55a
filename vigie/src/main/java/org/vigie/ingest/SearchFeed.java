package org.vigie.ingest;

import java.time.Duration;
import java.util.Objects;

import org.vigie.connectors.Feed;
import org.vigie.shared.AccountId;

/**
 * A network-side search to poll for listening: which account's connector runs it, the
 * {@link Feed.Kind#SEARCH} feed (query already in the network's own syntax), and how often at most.
 *
 * @param every the shortest interval between two polls of this feed, to stay within the network's
 *        quota (YouTube's search costs 100 of 10,000 daily units, for instance)
 */
public record SearchFeed(AccountId account, Feed feed, Duration every) {

	public SearchFeed {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(feed, "feed");
		Objects.requireNonNull(every, "every");
		if (feed.kind() != Feed.Kind.SEARCH) {
			throw new IllegalArgumentException("A search feed needs a SEARCH feed, not " + feed.kind());
		}
	}
}
