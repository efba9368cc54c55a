package org.vigie.connectors.bluesky;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.Feed;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.Network;

/**
 * Bluesky (AT Protocol XRPC) accounts, authenticated with an app password. The credentials name the
 * account's PDS as base URL, its handle, and the secrets {@code app_password} and, once a session
 * exists, {@code access_token}, {@code refresh_token} and {@code did}.
 */
@Component
public class BlueskyConnectorFactory implements ConnectorFactory {

	static final String DEFAULT_PDS = "https://bsky.social";

	private final HttpClient http;

	private final BlueskySettings settings;

	private final Clock clock;

	@Autowired
	public BlueskyConnectorFactory(Clock clock) {
		this(clock, BlueskySettings.DEFAULTS);
	}

	BlueskyConnectorFactory(Clock clock, BlueskySettings settings) {
		this.clock = clock;
		this.settings = settings;
		// Bluesky servers on plain http (a local PDS) drop HTTP/2 upgrade requests: speak HTTP/1.1.
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	@Override
	public Network network() {
		return Network.BLUESKY;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.READ_NOTIFICATIONS, Capability.READ_MENTIONS, Capability.READ_COMMENTS,
				Capability.READ_MESSAGES, Capability.READ_OWN_POSTS, Capability.READ_METRICS, Capability.SEARCH,
				Capability.PUBLISH, Capability.REPLY, Capability.LIKE, Capability.HIDE, Capability.DELETE);
	}

	/** Replies come with the notifications, so COMMENTS is not polled on its own. */
	@Override
	public Set<Feed.Kind> feeds() {
		return EnumSet.of(Feed.Kind.MENTIONS, Feed.Kind.OWN_POSTS, Feed.Kind.MESSAGES);
	}

	@Override
	public String defaultBaseUrl() {
		return DEFAULT_PDS;
	}

	@Override
	public SocialConnector open(AccountCredentials credentials) {
		XrpcClient xrpc = client(credentials.baseUrl());
		if (credentials.secret(BlueskySession.APP_PASSWORD).isBlank()
				&& credentials.secret(BlueskySession.REFRESH_TOKEN).isBlank()) {
			throw new IllegalArgumentException("A Bluesky account needs an app password or a stored session");
		}
		return new BlueskyConnector(xrpc, new BlueskySession(xrpc, clock, credentials), settings, clock);
	}

	/**
	 * Checks a handle and app password by opening a session, as connecting an account from
	 * Settings does. Returns the credentials to store: the DID as external id, and the session.
	 * @throws ConnectorException.AuthRevoked when Bluesky refuses the handle or app password
	 */
	public AccountCredentials signIn(String pdsUrl, String handle, String appPassword) throws ConnectorException {
		String base = pdsUrl.isBlank() ? DEFAULT_PDS : pdsUrl.strip();
		String h = handle.strip().replaceFirst("^@", "");
		AccountCredentials given = new AccountCredentials(h, null, base,
				Map.of(BlueskySession.APP_PASSWORD, appPassword.strip()), null);
		BlueskySession session = new BlueskySession(client(base), clock, given);
		session.createSession();
		return session.renewed().orElseThrow();
	}

	private XrpcClient client(String baseUrl) {
		URI base = URI.create(baseUrl.isBlank() ? DEFAULT_PDS : baseUrl);
		if (base.getScheme() == null || base.getHost() == null) {
			throw new IllegalArgumentException("Not a Bluesky server address: " + baseUrl);
		}
		return new XrpcClient(http, base, clock, settings.timeout());
	}
}
