package org.vigie.connectors.facebook;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.Feed;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.graph.GraphClient;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Network;

/**
 * Facebook Pages. Plain HTTP rather than RestFB: the insights rule (one retired metric must not
 * fail the others) needs Graph's raw error per request, the usage headers must be read on every
 * answer, the API version is pinned in one constant and the base URL points at the simulator in
 * the demo, and the other connectors already speak JSON over the same client; RestFB would add a
 * second HTTP and JSON stack for four endpoints.
 *
 * <p>Credentials: {@code externalId} is the Page id; secret {@code page_token} (or
 * {@code access_token}) is the Page access token.
 */
@Component
class FacebookConnectorFactory implements ConnectorFactory {

	static final String USER_AGENT = "Vigie/0.1 (self-hosted community manager workbench)";

	private final Clock clock;

	private final JsonHttp http;

	@Autowired
	FacebookConnectorFactory(Clock clock) {
		this(clock, JsonHttp.defaultClient());
	}

	FacebookConnectorFactory(Clock clock, HttpClient client) {
		this.clock = clock;
		this.http = new JsonHttp(client, USER_AGENT);
	}

	@Override
	public Network network() {
		return Network.FACEBOOK;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.READ_MENTIONS, Capability.READ_COMMENTS, Capability.READ_MESSAGES,
				Capability.READ_OWN_POSTS, Capability.READ_METRICS, Capability.PUBLISH, Capability.REPLY, Capability.LIKE,
				Capability.HIDE, Capability.DELETE, Capability.WEBHOOKS);
	}

	@Override
	public String defaultBaseUrl() {
		return "https://graph.facebook.com";
	}

	@Override
	public Set<Feed.Kind> feeds() {
		return EnumSet.of(Feed.Kind.OWN_POSTS, Feed.Kind.MENTIONS, Feed.Kind.COMMENTS, Feed.Kind.MESSAGES);
	}

	@Override
	public SocialConnector open(AccountCredentials credentials) {
		String pageId = credentials.externalId();
		if (pageId == null || pageId.isBlank()) {
			throw new IllegalArgumentException("A Facebook account needs its Page id");
		}
		String token = credentials.secret("page_token").isBlank() ? credentials.secret("access_token")
				: credentials.secret("page_token");
		return new FacebookConnector(new GraphClient(http, credentials.baseUrl(), token, clock), pageId, clock);
	}
}
