package org.vigie.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies a workspace. */
public record WorkspaceId(UUID value) {

	public WorkspaceId {
		Objects.requireNonNull(value, "value");
	}

	/** A new, time-ordered identifier. */
	public static WorkspaceId generate() {
		return new WorkspaceId(Ids.next());
	}

	/** Parses the canonical UUID form; throws {@link IllegalArgumentException} if malformed. */
	public static WorkspaceId of(String value) {
		return new WorkspaceId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
