package org.vigie.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a item. */
public record ItemId(UUID value) {

	public ItemId {
		Objects.requireNonNull(value, "value");
	}

	/** A new, time-ordered identifier. */
	public static ItemId generate() {
		return new ItemId(Ids.next());
	}

	/** Parses the canonical UUID form; throws {@link IllegalArgumentException} if malformed. */
	public static ItemId of(String value) {
		return new ItemId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
