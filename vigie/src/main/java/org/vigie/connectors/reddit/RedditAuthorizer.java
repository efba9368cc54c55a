package org.vigie.connectors.reddit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import org.vigie.connectors.AccountAuthorizer;
import org.vigie.connectors.AuthorizationRequest;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.ConnectorSettings;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;

/**
 * Reddit OAuth 2.0 ({@code api-reference/reddit}, "Auth"): {@code www.reddit.com/api/v1/authorize}
 * with {@code duration=permanent} (so that Reddit sends a refresh token), the code exchanged at
 * {@code /api/v1/access_token} with the app's id and secret as HTTP Basic, then
 * {@code /api/v1/me} says who it is. Every call carries the descriptive User-Agent Reddit requires.
 * The access token lasts what {@code expires_in} says; the connector refreshes it before it expires.
 */
@Component
class RedditAuthorizer implements AccountAuthorizer {

	/** The app the simulator accepts when no Reddit app is configured. */
	static final String DEMO_CLIENT_ID = "vigie-demo";

	static final String DEMO_CLIENT_SECRET = "vigie-demo-secret";

	static final String SCOPES = "identity read submit privatemessages history edit modposts vote";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ConnectorSettings settings;

	private final JsonHttp http;

	private final Clock clock;

	@Autowired
	RedditAuthorizer(ConnectorSettings settings, Clock clock) {
		this(settings, clock, new JsonHttp(JsonHttp.defaultClient(),
				RedditConnectorFactory.userAgent(settings.reddit().username())));
	}

	RedditAuthorizer(ConnectorSettings settings, Clock clock, JsonHttp http) {
		this.settings = settings;
		this.clock = clock;
		this.http = http;
	}

	@Override
	public Network network() {
		return Network.REDDIT;
	}

	@Override
	public AuthorizationRequest start(String server, String redirectUri) {
		String base = server.isBlank() ? settings.reddit().apiBase() : server.replaceAll("/+$", "");
		String state = random(24);
		Map<String, String> q = new LinkedHashMap<>();
		q.put("client_id", clientId());
		q.put("response_type", "code");
		q.put("state", state);
		q.put("redirect_uri", redirectUri);
		q.put("duration", "permanent");
		q.put("scope", SCOPES);
		return new AuthorizationRequest(Network.REDDIT, tokenHost(base) + "/api/v1/authorize?" + JsonHttp.form(q), state,
				base, redirectUri, Map.of());
	}

	@Override
	public ConnectedIdentity finish(AuthorizationRequest request, String code) throws ConnectorException {
		String base = request.server();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", request.redirectUri());
		String basic = Base64.getEncoder()
			.encodeToString((clientId() + ":" + clientSecret()).getBytes(StandardCharsets.UTF_8));
		JsonHttp.Response r = http.postForm(URI.create(tokenHost(base) + "/api/v1/access_token"),
				Map.of("Authorization", "Basic " + basic), form);
		if (r.status() >= 500) {
			throw new ConnectorException.Unavailable("Reddit is unavailable (HTTP " + r.status() + ")",
					Reason.of("connectors.failure.unavailable", "Reddit", String.valueOf(r.status())));
		}
		JsonNode token = r.json();
		// Reddit answers a bad code with HTTP 200 and {"error": "invalid_grant"}.
		if (!r.ok() || JsonHttp.text(token, "access_token") == null) {
			String said = JsonHttp.text(token, "error", JsonHttp.abbreviate(r.body()));
			throw new ConnectorException.Rejected("Reddit refused the authorisation code: " + said,
					Reason.of("connectors.authorize.code-refused", "Reddit", said));
		}
		String access = JsonHttp.text(token, "access_token");
		String refresh = JsonHttp.text(token, "refresh_token", "");
		if (refresh.isBlank()) {
			throw new ConnectorException.Rejected("Reddit gave no refresh token (permanent duration)",
					Reason.of("connectors.reddit.no-refresh-token"));
		}
		Long expiresIn = JsonHttp.number(token, "expires_in");
		Instant expires = clock.instant().plusSeconds(expiresIn == null ? 3600 : expiresIn);
		JsonHttp.Response me = http.get(JsonHttp.uri(base, "/api/v1/me", Map.of()), Map.of("Authorization", "bearer " + access));
		JsonNode who = me.json();
		if (!me.ok() || JsonHttp.text(who, "name") == null) {
			throw new ConnectorException.Rejected("Reddit did not say which account is connected (HTTP " + me.status() + ")",
					Reason.of("connectors.reddit.no-identity", String.valueOf(me.status())));
		}
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("access_token", access);
		secrets.put("refresh_token", refresh);
		secrets.put("client_id", clientId());
		secrets.put("client_secret", clientSecret());
		String name = JsonHttp.text(who, "name");
		return new ConnectedIdentity(name, "t2_" + JsonHttp.text(who, "id", ""), "u/" + name, base, secrets, expires);
	}

	/** {@code www.reddit.com} for the real API ({@code oauth.reddit.com}); the simulator serves both on one base. */
	static String tokenHost(String base) {
		return base.contains("oauth.reddit.com") ? "https://www.reddit.com" : base;
	}

	private String clientId() {
		return settings.reddit().clientId().isBlank() ? DEMO_CLIENT_ID : settings.reddit().clientId();
	}

	private String clientSecret() {
		return settings.reddit().clientId().isBlank() ? DEMO_CLIENT_SECRET : settings.reddit().clientSecret();
	}

	private static String random(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}
}
