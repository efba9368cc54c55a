package org.vigie.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a conversation. */
public record ConversationId(UUID value) {

	public ConversationId {
		Objects.requireNonNull(value, "value");
	}

	/** A new, time-ordered identifier. */
	public static ConversationId generate() {
		return new ConversationId(Ids.next());
	}

	/** Parses the canonical UUID form; throws {@link IllegalArgumentException} if malformed. */
	public static ConversationId of(String value) {
		return new ConversationId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
