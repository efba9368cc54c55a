package org.vigie.connectors.reddit;

import java.net.URI;
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
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.OAuthTokens;
import org.vigie.shared.Network;

/**
 * Reddit. Credentials: {@code handle} is the username; secrets {@code access_token},
 * {@code refresh_token} (from {@code duration=permanent}), {@code client_id}, {@code client_secret}.
 * The token host is {@code www.reddit.com} for the real API and the base URL for the simulator.
 */
@Component
class RedditConnectorFactory implements ConnectorFactory {

	static final String VERSION = "0.1";

	private final Clock clock;

	private final HttpClient client;

	private final RedditRateLimiter limiter;

	@Autowired
	RedditConnectorFactory(Clock clock) {
		this(clock, JsonHttp.defaultClient());
	}

	RedditConnectorFactory(Clock clock, HttpClient client) {
		this.clock = clock;
		this.client = client;
		this.limiter = new RedditRateLimiter(clock);
	}

	/** Reddit's required form: {@code <platform>:<app id>:<version> (by /u/<username>)}. */
	static String userAgent(String username) {
		return "server:org.vigie:v" + VERSION + " (by /u/" + username + ")";
	}

	@Override
	public Network network() {
		return Network.REDDIT;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.READ_MENTIONS, Capability.READ_COMMENTS, Capability.READ_MESSAGES,
				Capability.READ_METRICS, Capability.SEARCH, Capability.REPLY, Capability.LIKE, Capability.HIDE,
				Capability.DELETE);
	}

	@Override
	public String defaultBaseUrl() {
		return "https://oauth.reddit.com";
	}

	@Override
	public Set<Feed.Kind> feeds() {
		return EnumSet.of(Feed.Kind.MENTIONS, Feed.Kind.COMMENTS, Feed.Kind.MESSAGES);
	}

	@Override
	public SocialConnector open(AccountCredentials credentials) {
		if (credentials.secret("access_token").isBlank()) {
			throw new IllegalArgumentException("A Reddit account needs an access token");
		}
		String username = credentials.handle().replaceFirst("^(/?u/)", "");
		JsonHttp http = new JsonHttp(client, userAgent(username));
		String base = credentials.baseUrl();
		String tokenBase = base.contains("oauth.reddit.com") ? "https://www.reddit.com" : base;
		OAuthTokens tokens = new OAuthTokens(http,
				URI.create((tokenBase.endsWith("/") ? tokenBase.substring(0, tokenBase.length() - 1) : tokenBase)
						+ "/api/v1/access_token"),
				true, credentials, clock);
		String clientId = credentials.secret("client_id").isBlank() ? "default" : credentials.secret("client_id");
		RedditClient reddit = new RedditClient(http, base, tokens, limiter, clientId, clock);
		return new RedditConnector(reddit, tokens, username, clock);
	}
}
