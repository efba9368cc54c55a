package org.vigie.connectors.mastodon;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.vigie.connectors.AccountAuthorizer;
import org.vigie.connectors.AuthorizationRequest;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.ConnectorSettings;
import org.vigie.connectors.Pkce;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon's flow: register Vigie as an app on the instance ({@code POST /api/v1/apps}, once per
 * instance and callback, remembered), send the browser to {@code /oauth/authorize} with PKCE,
 * exchange the code at {@code /oauth/token}, then ask {@code verify_credentials} who it is.
 */
@Component
class MastodonAuthorizer implements AccountAuthorizer {

	static final String SCOPES = "read write";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ConnectorSettings settings;

	private final JsonHttp http;

	private final Clock clock;

	private final Map<String, String[]> apps = new ConcurrentHashMap<>();

	MastodonAuthorizer(ConnectorSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
		this.http = new JsonHttp(settings.timeout(), JsonHttp.USER_AGENT);
	}

	@Override
	public Network network() {
		return Network.MASTODON;
	}

	@Override
	public AuthorizationRequest start(String server, String redirectUri) throws ConnectorException {
		String base = normalise(server);
		String[] app = apps.get(base + " " + redirectUri);
		if (app == null) {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("client_name", settings.mastodon().appName());
			form.put("redirect_uris", redirectUri);
			form.put("scopes", SCOPES);
			form.put("website", settings.mastodon().website());
			JsonNode registered = post(base + "/api/v1/apps", form);
			app = new String[] { registered.path("client_id").asString(), registered.path("client_secret").asString() };
			apps.put(base + " " + redirectUri, app);
		}
		String verifier = random(48);
		String state = random(24);
		Map<String, String> q = new LinkedHashMap<>();
		q.put("response_type", "code");
		q.put("client_id", app[0]);
		q.put("redirect_uri", redirectUri);
		q.put("scope", SCOPES);
		q.put("state", state);
		q.put("code_challenge", Pkce.challenge(verifier));
		q.put("code_challenge_method", "S256");
		return new AuthorizationRequest(Network.MASTODON, base + "/oauth/authorize?" + JsonHttp.form(q), state, base,
				redirectUri, Map.of("code_verifier", verifier, "client_id", app[0], "client_secret", app[1]));
	}

	@Override
	public ConnectedIdentity finish(AuthorizationRequest request, String code) throws ConnectorException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", request.redirectUri());
		form.put("client_id", request.secret("client_id"));
		form.put("client_secret", request.secret("client_secret"));
		form.put("code_verifier", request.secret("code_verifier"));
		form.put("scope", SCOPES);
		JsonNode token = post(request.server() + "/oauth/token", form);
		String access = token.path("access_token").asString("");
		MastodonClient client = new MastodonClient(http, clock, request.server(), access);
		JsonNode me = client.get("/api/v1/accounts/verify_credentials", "").body();
		return new ConnectedIdentity(me.path("acct").asString(me.path("username").asString()), me.path("id").asString(),
				me.path("display_name").asString(null), request.server(), Map.of("access_token", access), null);
	}

	private JsonNode post(String url, Map<String, String> form) throws ConnectorException {
		HttpResponse<String> response = http.send(http.request(url)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(JsonHttp.form(form)))
			.build());
		if (response.statusCode() >= 500) {
			throw new ConnectorException.Unavailable("The Mastodon instance is unavailable (HTTP " + response.statusCode() + ")",
					Reason.of("connectors.failure.unavailable", Reason.of("connectors.subject.mastodon"),
							String.valueOf(response.statusCode())));
		}
		if (response.statusCode() >= 300) {
			String said = MastodonClient.error(response.body());
			throw new ConnectorException.Rejected("The Mastodon instance refused: " + said,
					Reason.of("connectors.authorize.refused", Reason.of("connectors.subject.mastodon"), said));
		}
		try {
			return JSON.readTree(response.body());
		}
		catch (JacksonException e) {
			throw new ConnectorException.Unavailable("The Mastodon instance answered something that is not JSON",
					Reason.of("connectors.not-json", Reason.of("connectors.subject.mastodon")), e);
		}
	}

	/** {@code mastodon.social} → {@code https://mastodon.social}; keeps an explicit scheme (the simulator is plain http). */
	static String normalise(String server) {
		String s = server.trim().replaceAll("/+$", "");
		if (s.isEmpty()) {
			throw new IllegalArgumentException("Indiquez l'instance Mastodon, par exemple mastodon.social");
		}
		return s.startsWith("http://") || s.startsWith("https://") ? s : "https://" + s;
	}

	private static String random(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}
}
