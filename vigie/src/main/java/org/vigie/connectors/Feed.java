package org.vigie.connectors;

import java.util.Objects;

/**
 * One stream an account can be polled for. {@link Kind#SEARCH} feeds carry the network-side query
 * (already translated into the network's own syntax).
 *
 * @param kind which stream
 * @param query the search terms for {@link Kind#SEARCH}, empty otherwise
 */
public record Feed(Kind kind, String query) {

	public Feed {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(query, "query");
		if (kind == Kind.SEARCH && query.isBlank()) {
			throw new IllegalArgumentException("A search feed needs a query");
		}
	}

	public static Feed of(Kind kind) {
		return new Feed(kind, "");
	}

	public static Feed search(String query) {
		return new Feed(Kind.SEARCH, query);
	}

	/** A stable key for storing this feed's cursor, e.g. {@code MENTIONS} or {@code SEARCH:#show}. */
	public String key() {
		return query.isEmpty() ? kind.name() : kind.name() + ":" + query;
	}

	/** The streams. */
	public enum Kind {
		/** Notifications and mentions of the account. */
		MENTIONS,
		/** Comments and replies on the account's own posts. */
		COMMENTS,
		/** Direct messages, where the API allows. */
		MESSAGES,
		/** The account's own posts, with their public metrics. */
		OWN_POSTS,
		/** Public posts matching a query (listening). */
		SEARCH
	}
}
