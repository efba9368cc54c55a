package org.vigie.connectors.instagram;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.Feed;
import org.vigie.connectors.QuotaMeter;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.graph.GraphClient;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Network;

/**
 * Instagram, Facebook-Login flavour: {@code externalId} is the IG user id, {@code handle} the
 * username, secret {@code page_token} (or {@code access_token}) the token of the linked Page.
 */
@Component
class InstagramConnectorFactory implements ConnectorFactory {

	private final Clock clock;

	private final JsonHttp http;

	private final QuotaMeter quota;

	@Autowired
	InstagramConnectorFactory(Clock clock, ObjectProvider<QuotaMeter> quota) {
		this(clock, JsonHttp.defaultClient(), quota.getIfAvailable(QuotaMeter::inMemory));
	}

	InstagramConnectorFactory(Clock clock, HttpClient client, QuotaMeter quota) {
		this.clock = clock;
		this.http = new JsonHttp(client, "Vigie/0.1 (self-hosted community manager workbench)");
		this.quota = quota;
	}

	@Override
	public Network network() {
		return Network.INSTAGRAM;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.READ_MENTIONS, Capability.READ_COMMENTS, Capability.READ_OWN_POSTS,
				Capability.READ_METRICS, Capability.SEARCH, Capability.REPLY, Capability.HIDE, Capability.DELETE,
				Capability.WEBHOOKS);
	}

	@Override
	public String defaultBaseUrl() {
		return "https://graph.facebook.com";
	}

	@Override
	public Set<Feed.Kind> feeds() {
		return EnumSet.of(Feed.Kind.COMMENTS, Feed.Kind.MENTIONS, Feed.Kind.OWN_POSTS);
	}

	@Override
	public SocialConnector open(AccountCredentials credentials) {
		String igUserId = credentials.externalId();
		if (igUserId == null || igUserId.isBlank()) {
			throw new IllegalArgumentException("An Instagram account needs its IG user id");
		}
		String token = credentials.secret("page_token").isBlank() ? credentials.secret("access_token")
				: credentials.secret("page_token");
		return new InstagramConnector(new GraphClient(http, credentials.baseUrl(), token, clock), igUserId,
				credentials.handle().replaceFirst("^@", ""), quota, clock);
	}
}
