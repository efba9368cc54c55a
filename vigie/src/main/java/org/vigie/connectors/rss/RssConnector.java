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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;

/**
 * Reads one RSS or Atom feed. Each poll is one conditional GET: a {@code 304} yields nothing; a
 * {@code 200} yields the entries that are new or edited since the cursor, oldest first. A feed has a
 * single stream, whatever {@link Feed} is asked for. A feed that moved permanently is reported
 * through {@link #renewedCredentials()} with its new address.
 */
final class RssConnector implements SocialConnector {

	private static final Logger log = LoggerFactory.getLogger(RssConnector.class);

	static final String FEED_URL_SECRET = "feed_url";

	private final FeedClient client;

	private final RssSettings settings;

	private final Clock clock;

	private AccountCredentials credentials;

	private URI url;

	private boolean moved;

	RssConnector(FeedClient client, RssSettings settings, Clock clock, AccountCredentials credentials) {
		this.client = client;
		this.settings = settings;
		this.clock = clock;
		this.credentials = credentials;
		this.url = feedUrl(credentials);
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
		FeedClient.Result result = client.fetch(url, from.etag(), from.lastModified());
		if (!result.url().equals(url)) {
			log.info("Feed {} moved permanently to {}", url, result.url());
			url = result.url();
			moved = true;
		}
		if (result instanceof FeedClient.NotModified) {
			return Batch.of(List.of(), cursor, false);
		}
		FeedClient.Fetched fetched = (FeedClient.Fetched) result;
		FeedDocumentParser.Parsed parsed;
		try {
			parsed = FeedDocumentParser.parse(fetched.body(), fetched.contentType());
		}
		catch (FeedDocumentParser.UnreadableFeedException ex) {
			throw new ConnectorException.Unavailable("The feed at " + url + " could not be read: " + ex.getMessage(), ex);
		}
		if (parsed.lenient()) {
			log.debug("Feed {} is not well-formed; read leniently", url);
		}
		return page(parsed, fetched, from);
	}

	private Batch page(FeedDocumentParser.Parsed parsed, FeedClient.Fetched fetched, FeedCursor from) {
		Instant now = clock.instant();
		List<SyndEntry> entries = parsed.feed().getEntries();
		List<SyndEntry> kept = entries.size() > settings.maxEntries() ? entries.subList(0, settings.maxEntries()) : entries;
		Map<String, String> seen = new LinkedHashMap<>();
		List<RemoteItem> items = new ArrayList<>();
		List<Batch.Rejected> rejected = new ArrayList<>();
		int position = 0;
		for (SyndEntry entry : kept) {
			position++;
			try {
				FeedEntryMapper.FeedEntry mapped = FeedEntryMapper.entry(parsed.feed(), entry, url, now);
				if (seen.putIfAbsent(mapped.externalId(), mapped.fingerprint()) != null) {
					continue; // the same id twice in one document: the first (newest) wins
				}
				if (!mapped.fingerprint().equals(from.seen().get(mapped.externalId()))) {
					items.add(FeedEntryMapper.item(mapped, url));
				}
			}
			catch (RuntimeException malformed) {
				String id = entry.getUri() != null ? entry.getUri() : url + "#entry-" + position;
				rejected.add(new Batch.Rejected(id, "Entry " + position + " of the feed could not be read: "
						+ malformed.getMessage(), String.valueOf(entry.getTitle())));
			}
		}
		items.sort(Comparator.comparing(RemoteItem::createdAt));
		FeedCursor next = new FeedCursor(fetched.etag(), fetched.lastModified(), seen);
		return new Batch(items, rejected, next.toCursor(), false);
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
