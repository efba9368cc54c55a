package org.vigie.connectors;

import java.util.Optional;

/**
 * Reads (and, where the network allows, acts on) one account. Not required to be thread-safe:
 * the runtime uses one instance from one thread at a time.
 */
public interface SocialConnector {

	/**
	 * Items of {@code feed} after {@code cursor}, oldest first, at most one page. Never null.
	 * @throws ConnectorException.RateLimited when the network says to wait, with when to retry
	 * @throws ConnectorException.Unavailable on a 5xx, a timeout, or an answer that is not what the API promises
	 * @throws ConnectorException.AuthRevoked when the token expired beyond refresh or was revoked
	 * @throws ConnectorException.Rejected when the network refuses the request itself (bad query, bad feed)
	 */
	Batch poll(Feed feed, Cursor cursor) throws ConnectorException;

	/**
	 * Credentials renewed during the last call (a refreshed OAuth token, a new Bluesky session), to
	 * be stored encrypted by the runtime; empty when nothing changed.
	 */
	default Optional<AccountCredentials> renewedCredentials() {
		return Optional.empty();
	}

	/** Replies, likes, hides and deletes, where the network allows them; empty when it allows none. */
	default Optional<Actions> actions() {
		return Optional.empty();
	}

	/** Publishing new posts, where the network allows it; empty otherwise. */
	default Optional<Publisher> publisher() {
		return Optional.empty();
	}

	/** Metrics of the account's own objects (page, posts, media, videos), where the network offers them; empty otherwise. */
	default Optional<Insights> insights() {
		return Optional.empty();
	}

	/**
	 * Reads one item the network announced by reference only (see {@link PushedEvent#reference()}).
	 * @return empty when the item is gone or the network offers no such look-up
	 */
	default Optional<RemoteItem> lookup(String reference) throws ConnectorException {
		return Optional.empty();
	}
}
