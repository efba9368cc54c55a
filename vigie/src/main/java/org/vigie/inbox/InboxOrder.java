package org.vigie.inbox;

import java.util.Locale;

/** How the stream is ordered: most important first (then newest), or newest first. */
public enum InboxOrder {

	PRIORITY, TIME;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}
}
