package org.vigie.connectors.x;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to X API v2 for one account: bearer auth, token refresh (before expiry, and once on a 401),
 * and the translation of statuses by {@link JsonHttp#failure} (a 401 beyond refresh means revoked),
 * a 429 waiting until {@code x-rate-limit-reset}, with X's problem {@code detail} in the message.
 * Not thread-safe (one per connector).
 */
final class XClient {

	static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonHttp http;

	private final Clock clock;

	private final String clientId;

	private final String clientSecret;

	private AccountCredentials credentials;

	private boolean renewed;

	XClient(JsonHttp http, Clock clock, String clientId, String clientSecret, AccountCredentials credentials) {
		this.http = http;
		this.clock = clock;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.credentials = credentials;
	}

	AccountCredentials credentials() {
		return credentials;
	}

	Optional<AccountCredentials> renewed() {
		return renewed ? Optional.of(credentials) : Optional.empty();
	}

	JsonNode get(String path, Map<String, String> query) throws ConnectorException {
		String qs = JsonHttp.form(query);
		return call("GET", path + (qs.isEmpty() ? "" : "?" + qs), null);
	}

	JsonNode send(String method, String path, @Nullable Object body) throws ConnectorException {
		return call(method, path, body == null ? null : JSON.writeValueAsString(body));
	}

	private JsonNode call(String method, String pathAndQuery, @Nullable String body) throws ConnectorException {
		refreshIfExpiring();
		HttpResponse<String> response = http.send(request(method, pathAndQuery, body));
		if (response.statusCode() == 401 && canRefresh()) {
			refresh();
			response = http.send(request(method, pathAndQuery, body));
		}
		return read(response);
	}

	private HttpRequest request(String method, String pathAndQuery, @Nullable String body) {
		HttpRequest.Builder b = http.request(credentials.baseUrl() + pathAndQuery)
			.header("Authorization", "Bearer " + credentials.secret("access_token"));
		if (body != null) {
			b.header("Content-Type", "application/json");
		}
		return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private JsonNode read(HttpResponse<String> response) throws ConnectorException {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return JsonHttp.parse(response.body());
		}
		throw JsonHttp.failure("X", JsonHttp.Failure.of(status), status, detail(response.body()), response.headers(),
				XClient::resetAt, clock.instant());
	}

	/** When to retry after a 429: {@code x-rate-limit-reset} (epoch seconds), else {@code Retry-After}. */
	static Optional<Instant> resetAt(HttpHeaders headers, Instant now) {
		return JsonHttp.epochSeconds(headers, "x-rate-limit-reset").or(() -> JsonHttp.retryAfter(headers, now));
	}

	private static String detail(String body) {
		try {
			JsonNode n = JSON.readTree(body);
			String detail = n.path("detail").asString(n.path("error_description").asString(n.path("title").asString("")));
			return detail.isEmpty() ? body : detail;
		}
		catch (JacksonException e) {
			return body.length() > 200 ? body.substring(0, 200) : body;
		}
	}

	private boolean canRefresh() {
		return !credentials.secret("refresh_token").isEmpty();
	}

	private void refreshIfExpiring() throws ConnectorException {
		Instant expires = credentials.expiresAt();
		if (expires != null && canRefresh() && !clock.instant().plus(REFRESH_AHEAD).isBefore(expires)) {
			refresh();
		}
	}

	/** Exchanges the refresh token (rotating: the new one replaces the old). */
	void refresh() throws ConnectorException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", credentials.secret("refresh_token"));
		JsonNode token = tokenRequest(http, clock, credentials.baseUrl(), clientId, clientSecret, form);
		Map<String, String> secrets = new HashMap<>(credentials.secrets());
		secrets.put("access_token", token.path("access_token").asString());
		if (!token.path("refresh_token").asString("").isEmpty()) {
			secrets.put("refresh_token", token.path("refresh_token").asString());
		}
		long expiresIn = token.path("expires_in").asLong(7200);
		credentials = new AccountCredentials(credentials.handle(), credentials.externalId(), credentials.baseUrl(), secrets,
				clock.instant().plusSeconds(expiresIn));
		renewed = true;
	}

	/** POSTs to {@code /2/oauth2/token}; a refused grant is {@link ConnectorException.AuthRevoked}. */
	static JsonNode tokenRequest(JsonHttp http, Clock clock, String baseUrl, String clientId, String clientSecret,
			Map<String, String> form) throws ConnectorException {
		Map<String, String> body = new LinkedHashMap<>(form);
		HttpRequest.Builder b = http.request(baseUrl + "/2/oauth2/token")
			.header("Content-Type", "application/x-www-form-urlencoded");
		if (clientSecret.isBlank()) {
			body.put("client_id", clientId);
		}
		else {
			b.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = http.send(b.POST(HttpRequest.BodyPublishers.ofString(JsonHttp.form(body))).build());
		int status = response.statusCode();
		if (status == 400 || status == 401) {
			String detail = detail(response.body());
			throw new ConnectorException.AuthRevoked("X did not renew the authorisation (" + detail + "): reconnect the account",
					Reason.of("connectors.x.refresh-refused", detail));
		}
		if (status == 429) {
			throw new ConnectorException.RateLimited("X: too many token requests", Reason.of("connectors.x.token-rate-limited"),
					clock.instant().plusSeconds(60));
		}
		if (status >= 300) {
			throw new ConnectorException.Unavailable("X could not issue a token (HTTP " + status + ")",
					Reason.of("connectors.x.token-failed", String.valueOf(status)));
		}
		try {
			return JSON.readTree(response.body());
		}
		catch (JacksonException e) {
			throw new ConnectorException.Unavailable("X answered something that is not JSON", Reason.of("connectors.x.not-json"), e);
		}
	}
}
