package org.vigie.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a show. */
public record ShowId(UUID value) {

	public ShowId {
		Objects.requireNonNull(value, "value");
	}

	/** A new, time-ordered identifier. */
	public static ShowId generate() {
		return new ShowId(Ids.next());
	}

	/** Parses the canonical UUID form; throws {@link IllegalArgumentException} if malformed. */
	public static ShowId of(String value) {
		return new ShowId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
