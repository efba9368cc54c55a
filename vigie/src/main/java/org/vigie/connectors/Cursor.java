package org.vigie.connectors;

import java.util.Objects;

/**
 * An opaque position in a feed, produced by the connector and stored by the runtime in the same
 * transaction as the items it produced. Only its connector interprets it.
 */
public record Cursor(String value) {

	/** Before anything: the connector decides how far back a first poll goes. */
	public static final Cursor START = new Cursor("");

	public Cursor {
		Objects.requireNonNull(value, "value");
	}

	public boolean isStart() {
		return value.isEmpty();
	}
}
