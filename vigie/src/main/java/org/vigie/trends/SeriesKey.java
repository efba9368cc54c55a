package org.vigie.trends;

import java.util.Objects;

/**
 * One series the detectors follow: the items of a show, of a listening query, of an account, or of
 * a whole network. Written {@code show:<id>}, {@code query:<id>}, {@code account:<id>} or
 * {@code network:<NAME>}.
 */
public record SeriesKey(Kind kind, String id) {

	/** What a series counts. */
	public enum Kind {
		SHOW, QUERY, ACCOUNT, NETWORK
	}

	public SeriesKey {
		Objects.requireNonNull(kind, "kind");
		if (id == null || id.isBlank() || id.length() > 70) {
			throw new IllegalArgumentException("A series needs an id of at most 70 characters");
		}
	}

	/** @throws IllegalArgumentException if {@code text} is not a series key */
	public static SeriesKey parse(String text) {
		int colon = text.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("Not a series key: " + text);
		}
		return new SeriesKey(Kind.valueOf(text.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
				text.substring(colon + 1));
	}

	@Override
	public String toString() {
		return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
	}
}
