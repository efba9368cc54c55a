package org.vigie.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a account. */
public record AccountId(UUID value) {

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	/** A new, time-ordered identifier. */
	public static AccountId generate() {
		return new AccountId(Ids.next());
	}

	/** Parses the canonical UUID form; throws {@link IllegalArgumentException} if malformed. */
	public static AccountId of(String value) {
		return new AccountId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
