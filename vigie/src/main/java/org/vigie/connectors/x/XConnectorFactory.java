package org.vigie.connectors.x;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.ConnectorSettings;
import org.vigie.connectors.Feed;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.Network;

/** X (API v2). Reads mentions, replies, DMs, own posts and search; replies, likes, hides replies, deletes, publishes. */
@Component
class XConnectorFactory implements ConnectorFactory {

	/** X's largest page for timelines and recent search. */
	static final int PAGE_SIZE = 100;

	private final ConnectorSettings settings;

	private final JsonHttp http;

	private final Clock clock;

	XConnectorFactory(ConnectorSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = new JsonHttp(settings.timeout(), JsonHttp.USER_AGENT);
	}

	@Override
	public Network network() {
		return Network.X;
	}

	@Override
	public Set<Capability> capabilities() {
		return Set.of(Capability.READ_MENTIONS, Capability.READ_COMMENTS, Capability.READ_MESSAGES,
				Capability.READ_OWN_POSTS, Capability.READ_METRICS, Capability.SEARCH, Capability.PUBLISH,
				Capability.REPLY, Capability.LIKE, Capability.HIDE, Capability.DELETE);
	}

	@Override
	public Set<Feed.Kind> feeds() {
		return Set.of(Feed.Kind.MENTIONS, Feed.Kind.COMMENTS, Feed.Kind.MESSAGES, Feed.Kind.OWN_POSTS, Feed.Kind.SEARCH);
	}

	@Override
	public String defaultBaseUrl() {
		return settings.x().apiBase();
	}

	@Override
	public SocialConnector open(AccountCredentials credentials) {
		if (credentials.secret("access_token").isEmpty()) {
			throw new IllegalArgumentException("An X account needs an access_token");
		}
		String clientId = settings.x().clientId().isBlank() ? XAuthorizer.DEMO_CLIENT_ID : settings.x().clientId();
		XClient client = new XClient(http, clock, clientId, settings.x().clientSecret(), credentials);
		return new XConnector(client, clock, settings.backfill(), PAGE_SIZE);
	}
}
