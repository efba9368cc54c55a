package org.vigie.connectors.rss;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import org.jspecify.annotations.Nullable;
import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.shared.ItemKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps ROME's entries to {@link FeedEntry}s and {@link RemoteItem}s. Identity, in the order the
 * formats define it: Atom {@code <id>}, RSS {@code <guid>} (even when not a permalink), the link,
 * else a hash of title, date and content, so that re-reading a feed always yields the same ids.
 * Thread-safe.
 */
final class FeedEntryMapper {

	/** Longest external id the items table holds; longer ids are replaced by their hash. */
	static final int MAX_ID_LENGTH = 300;

	private static final int MAX_TEXT_LENGTH = 10_000;

	private static final Pattern ABSOLUTE_URI = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S+");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FeedEntryMapper() {
	}

	/**
	 * An entry as Vigie keeps it.
	 *
	 * @param externalId unique across every feed: the entry's id when it is an absolute URI, else prefixed with the feed URL
	 * @param html the entry's content (or summary), sanitised
	 * @param text the title and the content as plain text, what the inbox shows and enrichment reads
	 * @param fingerprint changes when the entry is edited, so that an edit updates the stored item
	 */
	record FeedEntry(String externalId, String title, @Nullable String link, String html, String text,
			Instant createdAt, RemoteAuthor author, String fingerprint) {
	}

	static FeedEntry entry(SyndFeed feed, SyndEntry entry, URI feedUrl, Instant fetchedAt) {
		String title = plainTitle(entry);
		String link = resolve(feedUrl, feed.getLink(), entry.getLink());
		String bodyHtml = bodyHtml(entry);
		String base = link != null ? link : feedUrl.toString();
		String html = HtmlSanitizer.sanitize(bodyHtml, base);
		String bodyText = HtmlSanitizer.text(bodyHtml);
		String text = title.isEmpty() ? bodyText : bodyText.isEmpty() ? title : title + "\n\n" + bodyText;
		if (text.length() > MAX_TEXT_LENGTH) {
			text = text.substring(0, MAX_TEXT_LENGTH);
		}
		Instant created = firstDate(entry.getPublishedDate(), entry.getUpdatedDate(), fetchedAt);
		String id = identity(entry, link, title, bodyHtml);
		String externalId = ABSOLUTE_URI.matcher(id).matches() ? id : feedUrl + "#" + id;
		if (externalId.length() > MAX_ID_LENGTH) {
			externalId = "sha256:" + sha256(externalId);
		}
		Date updated = entry.getUpdatedDate();
		String fingerprint = sha256(title + '\u0000' + bodyHtml + '\u0000' + (updated == null ? "" : updated.getTime()))
			.substring(0, 16);
		return new FeedEntry(externalId, title, link, html, text, created, author(feed, entry, feedUrl), fingerprint);
	}

	static RemoteItem item(FeedEntry entry, URI feedUrl) {
		ObjectNode raw = JSON.createObjectNode();
		raw.put("feed", feedUrl.toString());
		raw.put("id", entry.externalId());
		raw.put("title", entry.title());
		raw.put("link", entry.link());
		raw.put("html", entry.html());
		return new RemoteItem(entry.externalId(), ItemKind.LISTENING_HIT, entry.author(), entry.text(), entry.link(),
				entry.createdAt(), null, null, false, Map.of(), JSON.writeValueAsString(raw));
	}

	private static String identity(SyndEntry entry, @Nullable String link, String title, String body) {
		String uri = trimToNull(entry.getUri());
		if (uri != null) {
			return uri;
		}
		if (link != null) {
			return link;
		}
		Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
		return "sha256:" + sha256(title + '\u0000' + (date == null ? "" : date.getTime()) + '\u0000' + body);
	}

	private static String plainTitle(SyndEntry entry) {
		SyndContent titleEx = entry.getTitleEx();
		String title = titleEx != null && titleEx.getValue() != null ? titleEx.getValue() : entry.getTitle();
		if (title == null) {
			return "";
		}
		return isMarkup(titleEx == null ? null : titleEx.getType()) ? HtmlSanitizer.text(title) : title.strip();
	}

	/** The fullest body: {@code content} (or {@code content:encoded}) first, else the description/summary. */
	private static String bodyHtml(SyndEntry entry) {
		List<SyndContent> contents = entry.getContents();
		for (SyndContent content : contents) {
			if (content.getValue() != null && !content.getValue().isBlank()) {
				return asHtml(content);
			}
		}
		SyndContent description = entry.getDescription();
		return description == null || description.getValue() == null ? "" : asHtml(description);
	}

	private static String asHtml(SyndContent content) {
		String value = content.getValue();
		String type = content.getType();
		if (type != null && !isMarkup(type)) {
			// Atom type="text": characters, not markup; escape so that '<' stays a character.
			return org.jsoup.nodes.Entities.escape(value);
		}
		return value;
	}

	private static boolean isMarkup(@Nullable String type) {
		if (type == null) {
			return true;
		}
		String t = type.toLowerCase(Locale.ROOT);
		return t.equals("html") || t.equals("xhtml") || t.contains("html") || t.equals("escaped");
	}

	private static RemoteAuthor author(SyndFeed feed, SyndEntry entry, URI feedUrl) {
		String feedTitle = trimToNull(feed.getTitle());
		String feedLink = resolve(feedUrl, null, feed.getLink());
		for (SyndPerson person : entry.getAuthors()) {
			String name = trimToNull(person.getName());
			String email = trimToNull(person.getEmail());
			String uri = trimToNull(person.getUri());
			if (name != null || email != null || uri != null) {
				String key = uri != null ? uri : email != null ? "mailto:" + email : feedUrl + "#author:" + name;
				return new RemoteAuthor(clip(key), email, name != null ? name : email, null, false, null, uri);
			}
		}
		String name = trimToNull(entry.getAuthor());
		if (name != null) {
			return new RemoteAuthor(clip(feedUrl + "#author:" + name), null, name, null, false, null, null);
		}
		return new RemoteAuthor(clip(feedUrl.toString()), null, feedTitle != null ? feedTitle : feedUrl.getHost(), null,
				false, null, feedLink);
	}

	private static @Nullable String resolve(URI feedUrl, @Nullable String base, @Nullable String link) {
		String l = trimToNull(link);
		if (l == null) {
			return null;
		}
		try {
			URI uri = new URI(l);
			if (uri.isAbsolute()) {
				return uri.toString();
			}
			String b = trimToNull(base);
			URI against = b != null && new URI(b).isAbsolute() ? new URI(b) : feedUrl;
			return against.resolve(uri).toString();
		}
		catch (java.net.URISyntaxException | IllegalArgumentException notAUri) {
			return l;
		}
	}

	private static Instant firstDate(@Nullable Date published, @Nullable Date updated, Instant fallback) {
		if (published != null) {
			return published.toInstant();
		}
		return updated != null ? updated.toInstant() : fallback;
	}

	private static String clip(String id) {
		return id.length() <= MAX_ID_LENGTH ? id : "sha256:" + sha256(id);
	}

	private static @Nullable String trimToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}
}
