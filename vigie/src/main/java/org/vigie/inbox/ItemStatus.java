package org.vigie.inbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an item stands for the team. A snoozed item comes back as open when its time has come. */
public enum ItemStatus {

	OPEN, DONE, SNOOZED;

	/** The lowercase name used in URLs and the API. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Finds a status by its {@link #id()}, case-insensitively; empty for an unknown name. */
	public static Optional<ItemStatus> fromId(String id) {
		String wanted = id.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
	}
}
