package org.vigie.connectors.rss;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import org.jdom2.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.Reason;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one RSS or Atom feed. A poll reads the feed's newest document with a conditional GET: a
 * {@code 304} yields nothing; a {@code 200} yields the entries that are new or edited since the
 * cursor, oldest first. A paged feed (RFC 5005: {@code <link rel="next">} in Atom, {@code atom:link}
 * in RSS, or an archived feed's {@code prev-archive}) whose newest document does not reach the
 * entries read last time, or that is read for the first time, is walked back one older document per
 * poll ({@link Batch#hasMore()}) until a document holds an entry read before, the feed has no older
 * document, or {@link RssSettings#maxPages()} documents were read; the newest document's entries and
 * validators then become the cursor. An entry with neither title, link nor content is recorded as
 * rejected. A feed has a single stream, whatever {@link Feed} is asked for. A feed that moved
 * permanently is reported through {@link #renewedCredentials()} with its new address.
 */
final class RssConnector implements SocialConnector {

	private static final Logger log = LoggerFactory.getLogger(RssConnector.class);

	static final String FEED_URL_SECRET = "feed_url";

	/** Links to the next older document: RFC 5005 paged feeds, then archived feeds. */
	private static final List<String> OLDER = List.of("next", "prev-archive");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

	private final FeedClient client;

	private final RssSettings settings;

	private final Clock clock;

	private AccountCredentials credentials;

	private URI url;

	/** What entry ids without a URI of their own are made against: the feed's public address, never a secret one. */
	private final URI idBase;

	private boolean moved;

	RssConnector(FeedClient client, RssSettings settings, Clock clock, AccountCredentials credentials) {
		this.client = client;
		this.settings = settings;
		this.clock = clock;
		this.credentials = credentials;
		this.url = feedUrl(credentials);
		this.idBase = publicUrl(credentials, url);
	}

	private static URI publicUrl(AccountCredentials credentials, URI url) {
		String external = credentials.externalId();
		if (external != null && !external.isBlank()) {
			try {
				URI uri = URI.create(external.strip());
				if (uri.isAbsolute() && uri.getHost() != null) {
					return uri;
				}
			}
			catch (IllegalArgumentException notAUri) {
				// fall back to the fetched address
			}
		}
		return url;
	}

	/** The feed's address: a secret one when it carries a token, else the account's external id or base URL. */
	static URI feedUrl(AccountCredentials credentials) {
		String secret = credentials.secret(FEED_URL_SECRET);
		String url = !secret.isBlank() ? secret
				: credentials.externalId() != null && !credentials.externalId().isBlank() ? credentials.externalId()
						: credentials.baseUrl();
		try {
			URI uri = URI.create(url.strip());
			if (!uri.isAbsolute() || uri.getHost() == null) {
				throw new IllegalArgumentException("A feed address must be absolute, like https://example.org/feed.xml");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not a feed address: " + url + " (" + ex.getMessage() + ")", ex);
		}
	}

	@Override
	public Batch poll(Feed feed, Cursor cursor) throws ConnectorException {
		FeedCursor from = FeedCursor.from(cursor);
		return from.walk() != null ? older(from) : newest(cursor, from);
	}

	/** Reads the newest document; starts a walk back if it does not reach the entries read before. */
	private Batch newest(Cursor cursor, FeedCursor from) throws ConnectorException {
		FeedClient.Result result = client.fetch(url, from.etag(), from.lastModified());
		if (!result.url().equals(url)) {
			log.info("Feed {} moved permanently to {}", FeedClient.shown(url), FeedClient.shown(result.url()));
			url = result.url();
			moved = true;
		}
		if (result instanceof FeedClient.NotModified) {
			return Batch.of(List.of(), cursor, false);
		}
		FeedClient.Fetched fetched = (FeedClient.Fetched) result;
		Page page = read(parse(fetched), fetched.url(), from.seen());
		Optional<URI> older = page.reachedMark() || settings.maxPages() <= 1 ? Optional.empty() : page.older();
		FeedCursor next = older.isPresent()
				? new FeedCursor(from.etag(), from.lastModified(), from.seen(),
						new FeedCursor.Walk(older.get().toString(), 1, fetched.etag(), fetched.lastModified(), page.seen()))
				: new FeedCursor(fetched.etag(), fetched.lastModified(), page.seen(), null);
		return new Batch(page.items(), page.rejected(), next.toCursor(), older.isPresent());
	}

	/** Reads the next older document of the walk in progress. */
	private Batch older(FeedCursor from) throws ConnectorException {
		FeedCursor.Walk walk = from.walk();
		URI address = URI.create(walk.next());
		FeedClient.Result result;
		try {
			result = client.fetch(address, null, null);
		}
		catch (ConnectorException.Rejected gone) {
			// An older document that vanished (404, 410) ends the walk; the newest entries are kept.
			log.info("Feed {}: older document {} is gone ({}); walk over", FeedClient.shown(url), FeedClient.shown(address),
					gone.getMessage());
			return Batch.of(List.of(), from.walked().toCursor(), false);
		}
		if (!(result instanceof FeedClient.Fetched fetched)) {
			return Batch.of(List.of(), from.walked().toCursor(), false);
		}
		Page page = read(parse(fetched), fetched.url(), from.seen());
		Optional<URI> older = page.reachedMark() || walk.pages() + 1 >= settings.maxPages() ? Optional.empty()
				: page.older().filter(next -> !next.equals(address));
		FeedCursor next = older.isPresent()
				? new FeedCursor(from.etag(), from.lastModified(), from.seen(), new FeedCursor.Walk(older.get().toString(),
						walk.pages() + 1, walk.etag(), walk.lastModified(), walk.top()))
				: from.walked();
		return new Batch(page.items(), page.rejected(), next.toCursor(), older.isPresent());
	}

	private FeedDocumentParser.Parsed parse(FeedClient.Fetched fetched) throws ConnectorException {
		try {
			FeedDocumentParser.Parsed parsed = FeedDocumentParser.parse(fetched.body(), fetched.contentType());
			if (parsed.lenient()) {
				log.debug("Feed {} is not well-formed; read leniently", FeedClient.shown(fetched.url()));
			}
			return parsed;
		}
		catch (FeedDocumentParser.UnreadableFeedException ex) {
			throw new ConnectorException.Unavailable("The feed at " + FeedClient.shown(fetched.url()) + " could not be read: " + ex.getMessage(),
					Reason.of("connectors.feed.unreadable", FeedClient.shown(fetched.url()), String.valueOf(ex.getMessage())), ex);
		}
	}

	/**
	 * What one document holds beyond the mark.
	 *
	 * @param seen its entries, by external id with their fingerprint
	 * @param reachedMark true if it holds an entry of the mark: older documents were read before
	 * @param older the next older document, if the feed links one
	 */
	private record Page(List<RemoteItem> items, List<Batch.Rejected> rejected, Map<String, String> seen,
			boolean reachedMark, Optional<URI> older) {
	}

	private Page read(FeedDocumentParser.Parsed parsed, URI documentUrl, Map<String, String> mark) {
		Instant now = clock.instant();
		List<SyndEntry> entries = parsed.feed().getEntries();
		List<SyndEntry> kept = entries.size() > settings.maxEntries() ? entries.subList(0, settings.maxEntries()) : entries;
		Map<String, String> seen = new LinkedHashMap<>();
		List<RemoteItem> items = new ArrayList<>();
		List<Batch.Rejected> rejected = new ArrayList<>();
		boolean reachedMark = false;
		int position = 0;
		for (SyndEntry entry : kept) {
			position++;
			try {
				// Ids are made against the feed's own address, so that an entry has one id on every document.
				FeedEntryMapper.FeedEntry mapped = FeedEntryMapper.entry(parsed.feed(), entry, idBase, now);
				if (seen.putIfAbsent(mapped.externalId(), mapped.fingerprint()) != null) {
					continue; // the same id twice in one document: the first (newest) wins
				}
				String before = mark.get(mapped.externalId());
				reachedMark |= before != null;
				if (mapped.fingerprint().equals(before)) {
					continue;
				}
				if (mapped.title().isEmpty() && mapped.link() == null && mapped.text().isEmpty()) {
					rejected.add(new Batch.Rejected(mapped.externalId(), "Entry " + position
							+ " of the feed has neither title, link nor content: nothing to read", raw(mapped.externalId(), entry)));
					continue;
				}
				items.add(FeedEntryMapper.item(mapped, idBase));
			}
			catch (RuntimeException malformed) {
				String id = entry.getUri() != null ? entry.getUri() : idBase + "#entry-" + position;
				rejected.add(new Batch.Rejected(id, "Entry " + position + " of the feed could not be read: "
						+ malformed.getMessage(), raw(id, entry)));
			}
		}
		items.sort(Comparator.comparing(RemoteItem::createdAt));
		return new Page(items, rejected, seen, reachedMark, olderLink(parsed.feed(), documentUrl));
	}

	private static String raw(String id, SyndEntry entry) {
		ObjectNode raw = JSON.createObjectNode();
		raw.put("id", id);
		raw.put("title", entry.getTitle());
		raw.put("link", entry.getLink());
		raw.put("author", entry.getAuthor());
		return JSON.writeValueAsString(raw);
	}

	/** The document's link to the next older one: Atom's {@code <link rel>}, or {@code atom:link} in RSS. */
	static Optional<URI> olderLink(SyndFeed feed, URI documentUrl) {
		for (String rel : OLDER) {
			for (SyndLink link : feed.getLinks()) {
				if (rel.equals(link.getRel()) && link.getHref() != null && !link.getHref().isBlank()) {
					return resolve(documentUrl, link.getHref());
				}
			}
			for (Element element : feed.getForeignMarkup()) {
				if ("link".equals(element.getName()) && ATOM_NS.equals(element.getNamespaceURI())
						&& rel.equals(element.getAttributeValue("rel")) && element.getAttributeValue("href") != null) {
					return resolve(documentUrl, element.getAttributeValue("href"));
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<URI> resolve(URI base, String href) {
		try {
			URI uri = base.resolve(href.strip());
			return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()) ? Optional.of(uri)
					: Optional.empty();
		}
		catch (IllegalArgumentException notAUri) {
			return Optional.empty();
		}
	}

	@Override
	public Optional<AccountCredentials> renewedCredentials() {
		if (!moved) {
			return Optional.empty();
		}
		moved = false;
		Map<String, String> secrets = new LinkedHashMap<>(credentials.secrets());
		// The runtime stores renewed secrets: the new address goes there so that it survives a restart.
		secrets.put(FEED_URL_SECRET, url.toString());
		credentials = new AccountCredentials(credentials.handle(), url.toString(), url.toString(), secrets,
				credentials.expiresAt());
		return Optional.of(credentials);
	}
}
