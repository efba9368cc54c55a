package org.vigie.connectors.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.ConnectorException;
import org.vigie.shared.Reason;

/**
 * Keeps an OAuth 2.0 access token fresh with its refresh token ({@code grant_type=refresh_token},
 * RFC 6749 §6): refreshes shortly before {@link AccountCredentials#expiresAt()} or when the
 * network answers 401, and exposes the renewed credentials for the runtime to store. Secrets used:
 * {@code access_token}, {@code refresh_token}, {@code client_id}, {@code client_secret}.
 */
public final class OAuthTokens {

	/** Refresh this long before the token expires, so that a poll never starts with a dying token. */
	private static final Duration MARGIN = Duration.ofMinutes(5);

	private final JsonHttp http;

	private final URI tokenUrl;

	private final boolean basicAuth;

	private final Clock clock;

	private AccountCredentials credentials;

	private @Nullable AccountCredentials renewed;

	/**
	 * @param basicAuth true to send the client id and secret as HTTP Basic (Reddit), false to send them in the form (Google)
	 */
	public OAuthTokens(JsonHttp http, URI tokenUrl, boolean basicAuth, AccountCredentials credentials, Clock clock) {
		this.http = http;
		this.tokenUrl = tokenUrl;
		this.basicAuth = basicAuth;
		this.credentials = credentials;
		this.clock = clock;
	}

	/** The access token to use now, refreshed first if it is about to expire. */
	public String accessToken() throws ConnectorException {
		Instant expires = credentials.expiresAt();
		if (expires != null && expires.minus(MARGIN).isBefore(clock.instant()) && canRefresh()) {
			refresh();
		}
		return credentials.secret("access_token");
	}

	public boolean canRefresh() {
		return !credentials.secret("refresh_token").isBlank() && !credentials.secret("client_id").isBlank();
	}

	/**
	 * Exchanges the refresh token for a new access token.
	 * @throws ConnectorException.AuthRevoked if the network refuses the refresh token
	 */
	public void refresh() throws ConnectorException {
		if (!canRefresh()) {
			throw new ConnectorException.AuthRevoked("The access token expired and there is no refresh token; reconnect the account",
					Reason.of("connectors.oauth.no-refresh"));
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", credentials.secret("refresh_token"));
		Map<String, String> headers = new HashMap<>();
		if (basicAuth) {
			String pair = credentials.secret("client_id") + ":" + credentials.secret("client_secret");
			headers.put("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
		}
		else {
			form.put("client_id", credentials.secret("client_id"));
			form.put("client_secret", credentials.secret("client_secret"));
		}
		JsonHttp.Response r = http.postForm(tokenUrl, headers, form);
		if (r.status() == 400 || r.status() == 401 || r.status() == 403) {
			String said = JsonHttp.abbreviate(r.body());
			throw new ConnectorException.AuthRevoked(
					"The network no longer accepts the refresh token (" + said + "); reconnect the account",
					Reason.of("connectors.oauth.refresh-refused", said));
		}
		if (!r.ok()) {
			throw new ConnectorException.Unavailable("Token refresh failed with HTTP " + r.status(),
					Reason.of("connectors.oauth.refresh-failed", String.valueOf(r.status())));
		}
		JsonNode body = r.json();
		String access = JsonHttp.text(body, "access_token");
		if (access == null) {
			throw new ConnectorException.Unavailable("Token refresh answered without an access token",
					Reason.of("connectors.oauth.no-access-token"));
		}
		Map<String, String> secrets = new HashMap<>(credentials.secrets());
		secrets.put("access_token", access);
		String refresh = JsonHttp.text(body, "refresh_token");
		if (refresh != null) {
			secrets.put("refresh_token", refresh);
		}
		Long expiresIn = JsonHttp.number(body, "expires_in");
		credentials = new AccountCredentials(credentials.handle(), credentials.externalId(), credentials.baseUrl(),
				secrets, expiresIn == null ? null : clock.instant().plusSeconds(expiresIn));
		renewed = credentials;
	}

	/** The credentials renewed since this object was made; null when none. */
	public @Nullable AccountCredentials renewed() {
		return renewed;
	}
}
