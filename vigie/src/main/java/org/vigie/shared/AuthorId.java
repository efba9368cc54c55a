package org.vigie.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a author. */
public record AuthorId(UUID value) {

	public AuthorId {
		Objects.requireNonNull(value, "value");
	}

	/** A new, time-ordered identifier. */
	public static AuthorId generate() {
		return new AuthorId(Ids.next());
	}

	/** Parses the canonical UUID form; throws {@link IllegalArgumentException} if malformed. */
	public static AuthorId of(String value) {
		return new AuthorId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
