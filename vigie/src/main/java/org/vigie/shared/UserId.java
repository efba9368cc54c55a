package org.vigie.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user. */
public record UserId(UUID value) {

	public UserId {
		Objects.requireNonNull(value, "value");
	}

	/** A new, time-ordered identifier. */
	public static UserId generate() {
		return new UserId(Ids.next());
	}

	/** Parses the canonical UUID form; throws {@link IllegalArgumentException} if malformed. */
	public static UserId of(String value) {
		return new UserId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
