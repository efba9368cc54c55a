package org.vigie.listen;

import java.util.Objects;
import java.util.UUID;

import org.vigie.shared.Ids;

/** Identifies a listening query. */
public record QueryId(UUID value) {

	public QueryId {
		Objects.requireNonNull(value, "value");
	}

	/** A new, time-ordered identifier. */
	public static QueryId generate() {
		return new QueryId(Ids.next());
	}

	/** Parses the canonical UUID form; throws {@link IllegalArgumentException} if malformed. */
	public static QueryId of(String value) {
		return new QueryId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
