package org.vigie.connectors.rss;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Makes feed HTML safe to render: keeps text formatting, links and images, drops scripts, styles,
 * event handlers, forms, frames and {@code javascript:}/{@code data:} URLs. Relative links are
 * resolved against the entry's base URL. Thread-safe.
 */
final class HtmlSanitizer {

	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeTags("img")
		.addTags("abbr", "acronym", "del", "ins", "hr", "figure", "figcaption", "s", "small", "strike")
		.addAttributes("abbr", "title")
		.addAttributes("acronym", "title")
		.addAttributes(":all", "lang", "dir")
		.addProtocols("a", "href", "http", "https", "mailto")
		.addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
		.preserveRelativeLinks(false);

	private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

	private HtmlSanitizer() {
	}

	/** The safe subset of {@code html}; empty for empty input. */
	static String sanitize(String html, String baseUri) {
		if (html.isBlank()) {
			return "";
		}
		return Jsoup.clean(html, baseUri, SAFELIST, COMPACT);
	}

	/** The text a person reads in {@code html}, whitespace collapsed, without markup, scripts or styles. */
	static String text(String html) {
		if (html.isBlank()) {
			return "";
		}
		return Jsoup.parseBodyFragment(html).text();
	}
}
