package org.vigie.connectors.youtube;

import java.net.URI;
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
import org.vigie.connectors.Pkce;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;

/**
 * Google OAuth 2.0 for a YouTube channel ({@code api-reference/youtube}, "Auth"): authorisation
 * code with PKCE at {@code accounts.google.com/o/oauth2/v2/auth} with {@code access_type=offline}
 * and {@code prompt=consent} (so that Google sends a refresh token), the code exchanged at
 * {@code oauth2.googleapis.com/token}, then {@code channels.list?mine=true} says which channel it
 * is. The access token lasts an hour; the connector refreshes it before it expires.
 */
@Component
class YouTubeAuthorizer implements AccountAuthorizer {

	/** The client the simulator accepts when no Google client is configured. */
	static final String DEMO_CLIENT_ID = "vigie-demo";

	static final String DEMO_CLIENT_SECRET = "vigie-demo-secret";

	static final String SCOPES = "https://www.googleapis.com/auth/youtube.force-ssl";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ConnectorSettings settings;

	private final JsonHttp http;

	private final Clock clock;

	@Autowired
	YouTubeAuthorizer(ConnectorSettings settings, Clock clock) {
		this(settings, clock, new JsonHttp(JsonHttp.defaultClient(), "Vigie/0.1 (self-hosted community manager workbench)"));
	}

	YouTubeAuthorizer(ConnectorSettings settings, Clock clock, JsonHttp http) {
		this.settings = settings;
		this.clock = clock;
		this.http = http;
	}

	@Override
	public Network network() {
		return Network.YOUTUBE;
	}

	@Override
	public AuthorizationRequest start(String server, String redirectUri) {
		String base = server.isBlank() ? settings.google().apiBase() : server.replaceAll("/+$", "");
		String authorize = real(base) ? "https://accounts.google.com/o/oauth2/v2/auth" : base + "/o/oauth2/v2/auth";
		String verifier = random(48);
		String state = random(24);
		Map<String, String> q = new LinkedHashMap<>();
		q.put("client_id", clientId());
		q.put("redirect_uri", redirectUri);
		q.put("response_type", "code");
		q.put("scope", SCOPES);
		q.put("access_type", "offline");
		q.put("prompt", "consent");
		q.put("include_granted_scopes", "true");
		q.put("state", state);
		q.put("code_challenge", Pkce.challenge(verifier));
		q.put("code_challenge_method", "S256");
		return new AuthorizationRequest(Network.YOUTUBE, authorize + "?" + JsonHttp.form(q), state, base, redirectUri,
				Map.of("code_verifier", verifier));
	}

	@Override
	public ConnectedIdentity finish(AuthorizationRequest request, String code) throws ConnectorException {
		String base = request.server();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("client_id", clientId());
		form.put("client_secret", clientSecret());
		form.put("redirect_uri", request.redirectUri());
		form.put("grant_type", "authorization_code");
		form.put("code_verifier", request.secret("code_verifier"));
		URI tokenUrl = real(base) ? URI.create(YouTubeConnectorFactory.GOOGLE_TOKEN_URL) : URI.create(base + "/token");
		JsonHttp.Response r = http.postForm(tokenUrl, Map.of(), form);
		if (r.status() >= 500) {
			throw new ConnectorException.Unavailable("Google is unavailable (HTTP " + r.status() + ")",
					Reason.of("connectors.failure.unavailable", "Google", String.valueOf(r.status())));
		}
		JsonNode token = r.json();
		if (!r.ok() || JsonHttp.text(token, "access_token") == null) {
			String said = JsonHttp.text(token, "error_description", JsonHttp.text(token, "error", JsonHttp.abbreviate(r.body())));
			throw new ConnectorException.Rejected("Google refused the authorisation code: " + said,
					Reason.of("connectors.authorize.code-refused", "Google", said));
		}
		String access = JsonHttp.text(token, "access_token");
		String refresh = JsonHttp.text(token, "refresh_token", "");
		if (refresh.isBlank()) {
			throw new ConnectorException.Rejected("Google gave no refresh token (offline access)",
					Reason.of("connectors.youtube.no-refresh-token"));
		}
		Long expiresIn = JsonHttp.number(token, "expires_in");
		Instant expires = clock.instant().plusSeconds(expiresIn == null ? 3599 : expiresIn);
		JsonHttp.Response channels = http.get(JsonHttp.uri(base, "/youtube/v3/channels",
				Map.of("part", "snippet,statistics", "mine", "true")), Map.of("Authorization", "Bearer " + access));
		JsonNode items = channels.json().path("items");
		if (!channels.ok() || items.isEmpty()) {
			throw new ConnectorException.Rejected("This Google account has no YouTube channel", Reason.of("connectors.youtube.no-channel"));
		}
		JsonNode channel = items.get(0);
		String id = channel.path("id").asString();
		String handle = channel.path("snippet").path("customUrl").asString(id).replaceFirst("^@", "");
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("access_token", access);
		secrets.put("refresh_token", refresh);
		secrets.put("client_id", clientId());
		secrets.put("client_secret", clientSecret());
		return new ConnectedIdentity(handle, id, channel.path("snippet").path("title").asString(null), base, secrets,
				expires);
	}

	private static boolean real(String base) {
		return base.contains("googleapis.com");
	}

	private String clientId() {
		return settings.google().clientId().isBlank() ? DEMO_CLIENT_ID : settings.google().clientId();
	}

	private String clientSecret() {
		return settings.google().clientId().isBlank() ? DEMO_CLIENT_SECRET : settings.google().clientSecret();
	}

	private static String random(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}
}
