package org.vigie.connectors.rss;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.Feed;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.Network;

/**
 * RSS and Atom feeds as listening sources of a show. The "account" is the feed: its external id is
 * the feed URL (or the {@code feedUrl} secret, for an address that carries a token). Entries become
 * {@link org.vigie.shared.ItemKind#LISTENING_HIT}s. Read-only: feeds have no replies, likes or publishing.
 */
@Component
public class RssConnectorFactory implements ConnectorFactory {

	private final FeedClient client;

	private final RssSettings settings;

	private final Clock clock;

	@Autowired
	public RssConnectorFactory(Clock clock) {
		this(clock, RssSettings.DEFAULTS);
	}

	RssConnectorFactory(Clock clock, RssSettings settings) {
		this.clock = clock;
		this.settings = settings;
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.client = new FeedClient(http, settings, clock);
	}

	@Override
	public Network network() {
		return Network.RSS;
	}

	@Override
	public Set<Capability> capabilities() {
		return Set.of(Capability.READ_MENTIONS);
	}

	/** A feed is one stream; the runtime polls it as the account's {@link Feed.Kind#MENTIONS}. */
	@Override
	public Set<Feed.Kind> feeds() {
		return Set.of(Feed.Kind.MENTIONS);
	}

	@Override
	public SocialConnector open(AccountCredentials credentials) {
		return new RssConnector(client, settings, clock, credentials);
	}
}
