package org.vigie.connectors.rss;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.vigie.connectors.AccountSignIn;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;

/**
 * Adds an RSS or Atom feed as a listening source: fetches the address typed (following redirects)
 * and parses it, so that a page that is not a feed is refused in words. The account is the feed's
 * final address without its credential ({@link FeedClient#publicAddress}), so that two feeds with the
 * same title stay two accounts and a private feed re-added with a new key stays one; the feed's title
 * is its display name; the address with its key is kept only among the sealed secrets.
 */
@Component
class RssSignIn implements AccountSignIn {

	private final Clock clock;

	RssSignIn(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Network network() {
		return Network.RSS;
	}

	@Override
	public ConnectedIdentity signIn(String server, String identifier, String secret) throws ConnectorException {
		String typed = identifier.strip();
		URI url;
		try {
			url = URI.create(typed);
		}
		catch (IllegalArgumentException notAUri) {
			throw new ConnectorException.Rejected("Not a web address: " + typed, Reason.of("connectors.rss.not-an-address", typed));
		}
		if (url.getHost() == null || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
			throw new ConnectorException.Rejected("A feed address starts with http:// or https://, like https://example.org/feed.xml",
					Reason.of("connectors.rss.scheme"));
		}
		RssSettings settings = RssSettings.DEFAULTS;
		FeedClient client = new FeedClient(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER).build(), settings, clock);
		FeedClient.Result result = client.fetch(url, null, null);
		if (!(result instanceof FeedClient.Fetched fetched)) {
			throw new ConnectorException.Unavailable("The feed at " + FeedClient.shown(url) + " answered without content",
					Reason.of("connectors.rss.empty", FeedClient.shown(url)));
		}
		FeedDocumentParser.Parsed parsed;
		try {
			parsed = FeedDocumentParser.parse(fetched.body(), fetched.contentType());
		}
		catch (FeedDocumentParser.UnreadableFeedException ex) {
			throw new ConnectorException.Rejected("The page at " + FeedClient.shown(url) + " is not an RSS or Atom feed: " + ex.getMessage(),
					Reason.of("connectors.rss.not-a-feed", FeedClient.shown(url), String.valueOf(ex.getMessage())));
		}
		String address = fetched.url().toString();
		String shown = FeedClient.publicAddress(fetched.url());
		String handle = shown.replaceFirst("(?i)^https?://", "");
		String title = parsed.feed().getTitle() == null || parsed.feed().getTitle().isBlank() ? fetched.url().getHost()
				: HtmlSanitizer.text(parsed.feed().getTitle());
		return new ConnectedIdentity(cut(handle), shown, cut(title), shown, Map.of(RssConnector.FEED_URL_SECRET, address), null);
	}

	private static String cut(String s) {
		return s.length() > 200 ? s.substring(0, 200) : s;
	}
}
