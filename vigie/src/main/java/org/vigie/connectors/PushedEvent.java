package org.vigie.connectors;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One event of a webhook delivery: either a whole {@link #item()}, or a {@link #reference()} the
 * account's connector must look up because the network sent ids without content (an Instagram
 * @mention, a Facebook mention).
 *
 * @param accountExternalId the network's id of our account it concerns (Page id, IG user id, X user id)
 * @param feed the feed the item would have come from by polling
 * @param key identifies the change itself (object id and verb), for deduplicating redeliveries
 */
public record PushedEvent(String accountExternalId, Feed.Kind feed, String key, @Nullable RemoteItem item,
		@Nullable String reference) {

	public PushedEvent {
		Objects.requireNonNull(accountExternalId, "accountExternalId");
		Objects.requireNonNull(feed, "feed");
		Objects.requireNonNull(key, "key");
		if ((item == null) == (reference == null)) {
			throw new IllegalArgumentException("A pushed event carries an item or a reference to look up, not both");
		}
	}

	public static PushedEvent of(String account, Feed.Kind feed, String key, RemoteItem item) {
		return new PushedEvent(account, feed, key, item, null);
	}

	public static PushedEvent lookup(String account, Feed.Kind feed, String key, String reference) {
		return new PushedEvent(account, feed, key, null, reference);
	}
}
