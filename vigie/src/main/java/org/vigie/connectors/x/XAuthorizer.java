package org.vigie.connectors.x;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.vigie.connectors.AccountAuthorizer;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.AuthorizationRequest;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.ConnectorSettings;
import org.vigie.connectors.Pkce;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;
import tools.jackson.databind.JsonNode;

/**
 * OAuth 2.0 authorisation code with PKCE (S256) for X: the browser goes to
 * {@code x.com/i/oauth2/authorize} (or the simulator's), the code comes back to Vigie's callback and
 * is exchanged within 30 s at {@code /2/oauth2/token} with the verifier; {@code offline.access}
 * brings a refresh token.
 */
@Component
class XAuthorizer implements AccountAuthorizer {

	/** The client id the simulator accepts when no real X app is configured. */
	static final String DEMO_CLIENT_ID = "vigie-demo";

	static final String SCOPES = "tweet.read users.read tweet.write tweet.moderate.write like.read like.write dm.read dm.write offline.access";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ConnectorSettings settings;

	private final JsonHttp http;

	private final Clock clock;

	XAuthorizer(ConnectorSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = new JsonHttp(settings.timeout(), JsonHttp.USER_AGENT);
	}

	@Override
	public Network network() {
		return Network.X;
	}

	@Override
	public AuthorizationRequest start(String server, String redirectUri) {
		String base = server.isBlank() ? settings.x().apiBase() : server.replaceAll("/+$", "");
		String authorize = base.equals("https://api.x.com") || base.equals("https://api.twitter.com")
				? "https://x.com/i/oauth2/authorize" : base + "/i/oauth2/authorize";
		String verifier = random(48);
		String state = random(24);
		String clientId = clientId();
		Map<String, String> q = new LinkedHashMap<>();
		q.put("response_type", "code");
		q.put("client_id", clientId);
		q.put("redirect_uri", redirectUri);
		q.put("scope", SCOPES);
		q.put("state", state);
		q.put("code_challenge", Pkce.challenge(verifier));
		q.put("code_challenge_method", "S256");
		return new AuthorizationRequest(Network.X, authorize + "?" + JsonHttp.form(q), state, base, redirectUri,
				Map.of("code_verifier", verifier, "client_id", clientId));
	}

	@Override
	public ConnectedIdentity finish(AuthorizationRequest request, String code) throws ConnectorException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", request.redirectUri());
		form.put("code_verifier", request.secret("code_verifier"));
		JsonNode token;
		try {
			token = XClient.tokenRequest(http, clock, request.server(), clientId(), settings.x().clientSecret(), form);
		}
		catch (ConnectorException.AuthRevoked e) {
			throw new ConnectorException.Rejected("X refused the authorisation code: " + e.getMessage(),
					Reason.of("connectors.authorize.code-refused", "X", e.reason()));
		}
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("access_token", token.path("access_token").asString());
		secrets.put("refresh_token", token.path("refresh_token").asString(""));
		Instant expires = clock.instant().plusSeconds(token.path("expires_in").asLong(7200));
		XClient client = new XClient(http, clock, clientId(), settings.x().clientSecret(),
				new AccountCredentials("?", null, request.server(), secrets, expires));
		JsonNode me = client.get("/2/users/me", Map.of("user.fields", XConnector.USER_FIELDS)).path("data");
		return new ConnectedIdentity(me.path("username").asString(), me.path("id").asString(),
				me.path("name").asString(null), request.server(), client.credentials().secrets(),
				client.credentials().expiresAt());
	}

	private String clientId() {
		return settings.x().clientId().isBlank() ? DEMO_CLIENT_ID : settings.x().clientId();
	}

	private static String random(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}
}
