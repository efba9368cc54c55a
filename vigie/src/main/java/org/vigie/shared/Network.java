package org.vigie.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The social networks Vigie speaks to. {@link #id()} is the stable name used in URLs, the API and storage. */
public enum Network {

	X("x", "X"),
	FACEBOOK("facebook", "Facebook"),
	INSTAGRAM("instagram", "Instagram"),
	MASTODON("mastodon", "Mastodon"),
	BLUESKY("bluesky", "Bluesky"),
	YOUTUBE("youtube", "YouTube"),
	REDDIT("reddit", "Reddit"),
	RSS("rss", "RSS/Atom");

	private final String id;

	private final String label;

	Network(String id, String label) {
		this.id = id;
		this.label = label;
	}

	/** The lowercase name used in the API, URLs and the database, e.g. {@code x}, {@code bluesky}. */
	public String id() {
		return id;
	}

	/** The name shown to people. */
	public String label() {
		return label;
	}

	/** Finds a network by its {@link #id()}, case-insensitively; empty for an unknown name. */
	public static Optional<Network> fromId(String id) {
		String wanted = id.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(n -> n.id.equals(wanted)).findFirst();
	}
}
