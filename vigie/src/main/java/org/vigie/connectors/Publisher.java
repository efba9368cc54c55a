package org.vigie.connectors;

import java.util.List;
import java.util.Optional;

/** Publishes new posts as the account. Used by the publishing module's outbox. */
public interface Publisher {

	/**
	 * Publishes a post.
	 * @param idempotencyKey stored by the caller before the call; the same key never publishes twice
	 * @param mediaUrls media to attach, readable by Vigie; empty for text only
	 * @return the network's id of the new post
	 */
	String publish(String text, List<String> mediaUrls, String idempotencyKey) throws ConnectorException;

	/**
	 * Finds a post already published with this key (or, where the API has no keys, with this text in
	 * a recent window), so that a retry after a crash does not publish twice.
	 */
	Optional<String> findPublished(String text, String idempotencyKey) throws ConnectorException;
}
