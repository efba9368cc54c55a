package org.vigie.connectors.rss;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Parses the bytes of a feed (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, Microsoft CDF) with ROME, after
 * {@link FeedNormalizer} has rewritten the well-formed shapes ROME does not recognise. The charset comes from the
 * BOM, the XML declaration and the HTTP {@code Content-Type}, leniently. A document that is not
 * well-formed XML gets a second chance: it is tidied by jsoup's forgiving XML parser (unclosed
 * tags, bare ampersands, HTML entities) and parsed again; the result says it was {@link Parsed#lenient()}.
 * Thread-safe.
 */
final class FeedDocumentParser {

	private static final Set<String> FEED_ROOTS = Set.of("rss", "feed", "rdf", "channel");

	private FeedDocumentParser() {
	}

	/**
	 * @param lenient true if the feed is not well-formed and what was read comes from the tidied document
	 * @param encoding the charset the bytes were read with
	 */
	record Parsed(SyndFeed feed, boolean lenient, String encoding) {
	}

	/** Why a feed could not be read at all, in words for people. */
	static final class UnreadableFeedException extends Exception {

		UnreadableFeedException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	static Parsed parse(byte[] body, @Nullable String contentType) throws UnreadableFeedException {
		String encoding;
		String xml;
		Optional<Sniffed> wide = sniff(body);
		if (wide.isPresent()) {
			encoding = wide.get().charset().name();
			xml = new String(body, wide.get().skip(), body.length - wide.get().skip(), wide.get().charset());
		}
		else {
			try (XmlReader reader = open(body, contentType)) {
				encoding = reader.getEncoding();
				xml = readAll(reader);
			}
			catch (IOException ex) {
				encoding = StandardCharsets.UTF_8.name();
				xml = new String(body, StandardCharsets.UTF_8);
			}
		}
		if (xml.isBlank()) {
			throw new UnreadableFeedException("The feed is empty", new IllegalArgumentException("empty document"));
		}
		try {
			return new Parsed(build(xml), false, encoding);
		}
		catch (FeedException | IllegalArgumentException strict) {
			try {
				return new Parsed(build(tidy(xml)), true, encoding);
			}
			catch (FeedException | IllegalArgumentException lenient) {
				Optional<SyndFeed> empty = emptyFeed(xml);
				if (empty.isPresent()) {
					return new Parsed(empty.get(), true, encoding);
				}
				throw new UnreadableFeedException("The feed is not a readable RSS or Atom document: "
						+ firstLine(strict.getMessage()), strict);
			}
		}
	}

	private static XmlReader open(byte[] body, @Nullable String contentType) throws IOException {
		try {
			return contentType == null ? new XmlReader(new ByteArrayInputStream(body), true)
					: new XmlReader(new ByteArrayInputStream(body), contentType, true);
		}
		catch (IOException conflicting) {
			// The HTTP charset and the document disagree beyond what lenient mode settles: trust the document.
			return new XmlReader(new ByteArrayInputStream(body), true);
		}
	}

	/**
	 * Reads the XML with ROME's own hardened SAX builder (and its healer of stray entities), lets
	 * {@link FeedNormalizer} turn the shapes ROME does not know into ones it does, then builds the feed.
	 */
	private static SyndFeed build(String xml) throws FeedException {
		org.jdom2.Document doc = DocumentReader.read(xml);
		try {
			return new SyndFeedInput().build(FeedNormalizer.normalize(doc));
		}
		catch (IllegalArgumentException | FeedException ex) {
			throw ex;
		}
		catch (RuntimeException parserBug) {
			// ROME's parsers dereference what they expect to find (a channel, say): a document without it is not a feed.
			throw new ParsingFeedException("Invalid document", parserBug);
		}
	}

	/** ROME's SAX builder: no external entities, no DTD loading. */
	private static final class DocumentReader extends WireFeedInput {

		private DocumentReader() {
			// Feeds in the wild carry DOCTYPEs (RSS 0.91's Netscape DTD); ROME still never loads external entities.
			setAllowDoctypes(true);
		}

		static org.jdom2.Document read(String xml) throws ParsingFeedException {
			try {
				return new DocumentReader().createSAXBuilder().build(new XmlFixerReader(new StringReader(xml)));
			}
			catch (JDOMParseException ex) {
				throw new ParsingFeedException("Invalid XML: " + ex.getMessage(), ex);
			}
			catch (JDOMException | IOException | RuntimeException ex) {
				throw new ParsingFeedException("Invalid XML", ex);
			}
		}
	}

	/**
	 * A feed element with no entries at all (an {@code <rss>} without {@code <channel>}, say) is an
	 * empty feed, not an error.
	 */
	private static Optional<SyndFeed> emptyFeed(String xml) {
		Document doc = Jsoup.parse(stripLeadingJunk(xml), "", Parser.xmlParser());
		Element root = doc.children().first();
		if (root == null || !FEED_ROOTS.contains(localName(root)) || doc.getAllElements().stream()
			.anyMatch(e -> localName(e).equals("item") || localName(e).equals("entry"))) {
			return Optional.empty();
		}
		SyndFeed feed = new SyndFeedImpl();
		doc.getAllElements().stream().filter(e -> localName(e).equals("title")).findFirst()
			.ifPresent(title -> feed.setTitle(title.text()));
		return Optional.of(feed);
	}

	private static String localName(Element e) {
		String name = e.tagName().toLowerCase(Locale.ROOT);
		return name.substring(name.indexOf(':') + 1);
	}

	/** A charset told by a byte-order mark or by the 16/32-bit pattern of {@code <?} (XML 1.0 appendix F). */
	record Sniffed(Charset charset, int skip) {
	}

	static Optional<Sniffed> sniff(byte[] b) {
		if (b.length < 4) {
			return Optional.empty();
		}
		int b0 = b[0] & 0xFF, b1 = b[1] & 0xFF, b2 = b[2] & 0xFF, b3 = b[3] & 0xFF;
		if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
			return Optional.of(new Sniffed(Charset.forName("UTF-32BE"), 4));
		}
		if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
			return Optional.of(new Sniffed(Charset.forName("UTF-32LE"), 4));
		}
		if (b0 == 0xFE && b1 == 0xFF) {
			return Optional.of(new Sniffed(StandardCharsets.UTF_16BE, 2));
		}
		if (b0 == 0xFF && b1 == 0xFE) {
			return Optional.of(new Sniffed(StandardCharsets.UTF_16LE, 2));
		}
		if (b0 == 0x00 && b1 == 0x00 && b2 == 0x00 && b3 == 0x3C) {
			return Optional.of(new Sniffed(Charset.forName("UTF-32BE"), 0));
		}
		if (b0 == 0x3C && b1 == 0x00 && b2 == 0x00 && b3 == 0x00) {
			return Optional.of(new Sniffed(Charset.forName("UTF-32LE"), 0));
		}
		if (b0 == 0x00 && b1 == 0x3C && b2 == 0x00) {
			return Optional.of(new Sniffed(StandardCharsets.UTF_16BE, 0));
		}
		if (b0 == 0x3C && b1 == 0x00 && b3 == 0x00) {
			return Optional.of(new Sniffed(StandardCharsets.UTF_16LE, 0));
		}
		return Optional.empty();
	}

	/** Re-serialises a broken document through jsoup's forgiving XML tree builder. */
	private static String tidy(String xml) {
		Document doc = Jsoup.parse(stripLeadingJunk(xml), "", Parser.xmlParser());
		doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
			.charset(StandardCharsets.UTF_8).prettyPrint(false);
		return doc.outerHtml();
	}

	private static String stripLeadingJunk(String xml) {
		int start = xml.indexOf('<');
		return start > 0 ? xml.substring(start) : xml;
	}

	private static String readAll(Reader reader) throws IOException {
		StringBuilder text = new StringBuilder();
		char[] buffer = new char[8192];
		for (int n; (n = reader.read(buffer)) != -1;) {
			text.append(buffer, 0, n);
		}
		return text.toString();
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unknown error";
		}
		int nl = message.indexOf('\n');
		return nl < 0 ? message : message.substring(0, nl);
	}
}
