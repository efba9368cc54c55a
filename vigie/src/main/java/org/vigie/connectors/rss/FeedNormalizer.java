package org.vigie.connectors.rss;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites, before ROME reads it, the shapes of well-formed feeds that ROME's parsers do not
 * recognise but feed readers (feedparser's test suite) do:
 * <ul>
 * <li>Microsoft CDF ({@code <CHANNEL>}, {@code <ITEM HREF LASTMOD>}, {@code <TITLE>}, {@code <ABSTRACT>}),
 * and a bare {@code <channel>} root, become RSS 2.0;</li>
 * <li>an {@code <rss>} without {@code <channel>} gets one around its items, and a version when it has none;</li>
 * <li>a {@code <feed>} without namespace nor version is Atom 1.0;</li>
 * <li>{@code <item>} children of an Atom {@code <feed>} are its entries;</li>
 * <li>Atom 0.3 {@code mode="base64"} text loses the line breaks and indentation ROME's decoder trips on.</li>
 * </ul>
 * Anything else is left as it is. Thread-safe.
 */
final class FeedNormalizer {

	static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");

	private static final List<String> TEXT_CONSTRUCTS = List.of("title", "subtitle", "tagline", "summary", "content",
			"rights", "copyright", "info");

	private FeedNormalizer() {
	}

	static Document normalize(Document doc) {
		Element root = doc.getRootElement();
		String name = root.getName().toLowerCase(Locale.ROOT);
		if (name.equals("channel") && root.getNamespace() == Namespace.NO_NAMESPACE) {
			doc.setRootElement(fromChannel(root));
		}
		else if (name.equals("rss")) {
			wrapInChannel(root);
		}
		else if (name.equals("feed")) {
			if (root.getNamespace() == Namespace.NO_NAMESPACE && root.getAttribute("version") == null) {
				intoAtomNamespace(root);
			}
			for (Element item : new ArrayList<>(root.getChildren("item", root.getNamespace()))) {
				item.setName("entry");
			}
			List<Element> base64 = new ArrayList<>();
			root.getDescendants(Filters.element()).forEach(e -> {
				if ("base64".equalsIgnoreCase(e.getAttributeValue("mode"))) {
					base64.add(e);
				}
			});
			base64.forEach(e -> e.setText(e.getText().replaceAll("\\s+", "")));
		}
		return doc;
	}

	/** CDF (or an RSS channel without its {@code <rss>}) as RSS 2.0: nested channels' items included. */
	private static Element fromChannel(Element cdf) {
		String base = firstNonNull(attribute(cdf, "base"), attribute(cdf, "href"));
		Element channel = new Element("channel");
		copyFields(cdf, channel, base);
		if (channel.getChild("link") == null && attribute(cdf, "href") != null) {
			channel.addContent(0, new Element("link").setText(resolve(base, attribute(cdf, "href"))));
		}
		for (Element e : cdf.getDescendants(Filters.element())) {
			if (e.getName().equalsIgnoreCase("item") && e.getNamespace() == Namespace.NO_NAMESPACE) {
				Element item = new Element("item");
				copyFields(e, item, base);
				String href = attribute(e, "href");
				if (href != null && item.getChild("link") == null) {
					item.addContent(new Element("link").setText(resolve(base, href)));
				}
				String lastmod = attribute(e, "lastmod");
				if (lastmod != null && item.getChild("pubDate") == null) {
					item.addContent(new Element("pubDate").setText(lastmod));
				}
				channel.addContent(item);
			}
		}
		return new Element("rss").setAttribute("version", "2.0").addContent(channel);
	}

	/** The simple children (no-namespace, no sub-elements) under RSS names; {@code <ABSTRACT>} is the description. */
	private static void copyFields(Element from, Element to, @Nullable String base) {
		for (Element child : from.getChildren()) {
			if (child.getNamespace() != Namespace.NO_NAMESPACE || !child.getChildren().isEmpty()) {
				continue;
			}
			String name = child.getName().toLowerCase(Locale.ROOT);
			switch (name) {
				case "abstract", "description" -> add(to, "description", child.getText());
				case "title" -> add(to, "title", child.getText());
				case "link" -> add(to, "link", resolve(base, child.getTextTrim()));
				case "guid", "author", "category", "comments" -> add(to, name, child.getText());
				case "pubdate" -> add(to, "pubDate", child.getText());
				default -> {
				}
			}
		}
	}

	private static void add(Element to, String name, String text) {
		if (to.getChild(name) == null) {
			to.addContent(new Element(name).setText(text));
		}
	}

	private static void wrapInChannel(Element rss) {
		if (rss.getNamespace() != Namespace.NO_NAMESPACE || rss.getChild("channel") != null) {
			return;
		}
		if (rss.getChildren("item").isEmpty()) {
			return;
		}
		Element channel = new Element("channel");
		channel.addContent(rss.removeContent());
		rss.addContent(channel);
		if (rss.getAttribute("version") == null) {
			rss.setAttribute("version", "2.0");
		}
	}

	/** Every no-namespace element of the feed's structure; text constructs' markup is left alone. */
	private static void intoAtomNamespace(Element e) {
		if (e.getNamespace() != Namespace.NO_NAMESPACE) {
			return;
		}
		e.setNamespace(ATOM_10);
		if (TEXT_CONSTRUCTS.contains(e.getName())) {
			return;
		}
		for (Element child : e.getChildren()) {
			intoAtomNamespace(child);
		}
	}

	private static @Nullable String attribute(Element e, String name) {
		for (Attribute a : e.getAttributes()) {
			if (a.getName().equalsIgnoreCase(name) && !a.getValue().isBlank()) {
				return a.getValue().strip();
			}
		}
		return null;
	}

	private static String resolve(@Nullable String base, String href) {
		if (base == null) {
			return href;
		}
		try {
			return URI.create(base).resolve(href.strip()).toString();
		}
		catch (IllegalArgumentException notAUri) {
			return href;
		}
	}

	private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
		return a != null ? a : b;
	}
}
