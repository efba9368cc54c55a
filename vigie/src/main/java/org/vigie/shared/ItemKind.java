package org.vigie.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an ingested item is to the community manager. */
public enum ItemKind {

	/** A post published by one of our accounts. */
	POST,
	/** A comment on one of our posts. */
	COMMENT,
	/** A reply within a thread (to a comment or to a reply). */
	REPLY,
	/** A post elsewhere that mentions one of our accounts. */
	MENTION,
	/** A private message to one of our accounts. */
	DIRECT_MESSAGE,
	/** A public post found by a listening query or a feed, not addressed to us. */
	LISTENING_HIT;

	/** The lowercase name used in the API, e.g. {@code direct_message}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Finds a kind by its {@link #id()}, case-insensitively; empty for an unknown name. */
	public static Optional<ItemKind> fromId(String id) {
		String wanted = id.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
	}
}
