package org.vigie.inbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Helpers for showing untrusted text from networks. Nothing here produces HTML: it only decides
 * which links are allowed; templates escape every piece.
 */
public final class SafeText {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);

	private SafeText() {
	}

	/** {@code url} if it is an absolute http(s) URL with a host, else null. */
	public static @Nullable String httpUrl(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String trimmed = url.trim();
		try {
			URI uri = new URI(trimmed);
			String scheme = uri.getScheme();
			if (scheme == null || uri.getHost() == null) {
				return null;
			}
			String s = scheme.toLowerCase(Locale.ROOT);
			return s.equals("http") || s.equals("https") ? trimmed : null;
		}
		catch (URISyntaxException e) {
			return null;
		}
	}

	/** Cuts {@code text} into plain runs and http(s) links, in order. */
	public static List<Segment> segments(String text) {
		List<Segment> out = new ArrayList<>();
		Matcher m = URL.matcher(text);
		int at = 0;
		while (m.find()) {
			String link = m.group();
			// Trailing punctuation usually closes the sentence, not the URL.
			int end = m.end();
			while (!link.isEmpty() && ".,;:!?)]}".indexOf(link.charAt(link.length() - 1)) >= 0) {
				link = link.substring(0, link.length() - 1);
				end--;
			}
			String safe = httpUrl(link);
			if (safe == null) {
				continue;
			}
			if (m.start() > at) {
				out.add(new Segment(text.substring(at, m.start()), null));
			}
			out.add(new Segment(link, safe));
			at = end;
		}
		if (at < text.length()) {
			out.add(new Segment(text.substring(at), null));
		}
		return out;
	}

	/** A run of text; {@code href} is set when the run is a link. */
	public record Segment(String text, @Nullable String href) {

		public boolean link() {
			return href != null;
		}
	}
}
