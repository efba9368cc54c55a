package org.vigie.connectors.bluesky;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigie.connectors.ConnectorException;

/**
 * Finds the rich-text facets of a post: mentions ({@code @handle}), links and hashtags. Bluesky
 * servers do not parse text: a client sends each facet with its <b>UTF-8 byte</b> range
 * ({@code byteStart} inclusive, {@code byteEnd} exclusive). Mentions need the DID, which the
 * caller resolves. Thread-safe.
 */
final class Facets {

	/** A handle is a domain name: labels separated by dots, ending in a letter-led TLD. */
	private static final Pattern MENTION = Pattern.compile(
			"(?<=^|[\\s(\\[{\"'])@(([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)");

	private static final Pattern LINK = Pattern.compile("(?<=^|[\\s(\\[{\"'])(https?://[^\\s]+)",
			Pattern.CASE_INSENSITIVE);

	/** {@code #tag}: not only digits, at most 64 characters, trailing punctuation excluded. */
	private static final Pattern TAG = Pattern.compile("(?<=^|\\s)[#\uFF03]([\\p{L}\\p{M}\\p{N}_]*[\\p{L}\\p{M}_][\\p{L}\\p{M}\\p{N}_]*)");

	private Facets() {
	}

	/** One facet: a byte range and what it is. */
	record Facet(int byteStart, int byteEnd, Kind kind, String value) {
	}

	enum Kind {
		MENTION, LINK, TAG
	}

	/** Resolves a handle to its DID; empty when the handle does not exist. */
	@FunctionalInterface
	interface Resolver {

		Optional<String> did(String handle) throws ConnectorException;
	}

	static List<Facet> detect(String text, Resolver resolver) throws ConnectorException {
		List<Facet> facets = new ArrayList<>();
		Matcher m = MENTION.matcher(text);
		while (m.find()) {
			String handle = m.group(1);
			Optional<String> did = resolver.did(handle);
			if (did.isPresent()) {
				facets.add(new Facet(bytes(text, m.start()), bytes(text, m.end()), Kind.MENTION, did.get()));
			}
		}
		Matcher l = LINK.matcher(text);
		while (l.find()) {
			String url = trimTrailingPunctuation(l.group(1));
			int end = l.start() + url.length();
			facets.add(new Facet(bytes(text, l.start()), bytes(text, end), Kind.LINK, url));
		}
		Matcher t = TAG.matcher(text);
		while (t.find()) {
			String tag = t.group(1);
			if (tag.length() <= 64) {
				facets.add(new Facet(bytes(text, t.start()), bytes(text, t.end()), Kind.TAG, tag));
			}
		}
		facets.sort((a, b) -> Integer.compare(a.byteStart(), b.byteStart()));
		return facets;
	}

	/** The UTF-8 byte offset of the UTF-16 index {@code charIndex} in {@code text}. */
	static int bytes(String text, int charIndex) {
		return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
	}

	private static String trimTrailingPunctuation(String url) {
		String u = url;
		while (!u.isEmpty() && ".,;:!?\"')]}".indexOf(u.charAt(u.length() - 1)) >= 0) {
			if (u.endsWith(")") && u.contains("(")) {
				break;
			}
			u = u.substring(0, u.length() - 1);
		}
		return u;
	}
}
