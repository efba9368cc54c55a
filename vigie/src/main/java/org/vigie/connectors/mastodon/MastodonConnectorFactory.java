package org.vigie.connectors.mastodon;

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

/** Mastodon (and servers speaking its client API). Each account names its instance as base URL. */
@Component
class MastodonConnectorFactory implements ConnectorFactory {

	private final ConnectorSettings settings;

	private final JsonHttp http;

	private final Clock clock;

	MastodonConnectorFactory(ConnectorSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = new JsonHttp(settings.timeout(), JsonHttp.USER_AGENT);
	}

	@Override
	public Network network() {
		return Network.MASTODON;
	}

	@Override
	public Set<Capability> capabilities() {
		return Set.of(Capability.READ_NOTIFICATIONS, Capability.READ_MENTIONS, Capability.READ_COMMENTS,
				Capability.READ_MESSAGES, Capability.READ_OWN_POSTS, Capability.READ_METRICS, Capability.SEARCH,
				Capability.PUBLISH, Capability.REPLY, Capability.LIKE, Capability.DELETE);
	}

	@Override
	public Set<Feed.Kind> feeds() {
		return Set.of(Feed.Kind.MENTIONS, Feed.Kind.MESSAGES, Feed.Kind.OWN_POSTS, Feed.Kind.SEARCH);
	}

	@Override
	public SocialConnector open(AccountCredentials credentials) {
		if (credentials.secret("access_token").isEmpty()) {
			throw new IllegalArgumentException("A Mastodon account needs an access_token");
		}
		if (credentials.baseUrl().isBlank()) {
			throw new IllegalArgumentException("A Mastodon account needs its instance as base URL");
		}
		MastodonClient client = new MastodonClient(http, clock, credentials.baseUrl(), credentials.secret("access_token"));
		return new MastodonConnector(client, clock, settings.backfill(), credentials.handle(),
				credentials.externalId() == null ? "" : credentials.externalId());
	}
}
