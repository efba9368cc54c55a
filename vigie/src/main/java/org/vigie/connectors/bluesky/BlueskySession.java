package org.vigie.connectors.bluesky;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.ConnectorException;
import org.vigie.shared.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An authenticated session on the account's PDS. Starts from the stored tokens when there are
 * some, else creates a session with the app password. Before a call it refreshes an access token
 * about to expire; when a call is refused for an expired or invalid token it refreshes
 * ({@code refreshSession}, which rotates the refresh token) and retries once; when the refresh
 * token is refused too, it creates one new session with the app password, never more per call
 * ({@code createSession} is limited to 30 per 5 minutes). Renewed tokens are offered through
 * {@link #renewed()} so that the runtime stores them. Not thread-safe.
 */
final class BlueskySession {

	private static final Logger log = LoggerFactory.getLogger(BlueskySession.class);

	static final String APP_PASSWORD = "app_password";

	static final String ACCESS_TOKEN = "access_token";

	static final String REFRESH_TOKEN = "refresh_token";

	static final String DID = "did";

	/** Refresh an access token that expires within this margin rather than have a call refused. */
	private static final Duration EARLY_REFRESH = Duration.ofMinutes(5);

	private final XrpcClient xrpc;

	private final Clock clock;

	private AccountCredentials credentials;

	private @Nullable String accessJwt;

	private @Nullable String refreshJwt;

	private @Nullable String did;

	private @Nullable Instant accessExpiresAt;

	private boolean renewed;

	/** A call that needs the access token. */
	@FunctionalInterface
	interface Authed<T> {

		T call(String accessJwt) throws ConnectorException, XrpcClient.TokenRejected;
	}

	BlueskySession(XrpcClient xrpc, Clock clock, AccountCredentials credentials) {
		this.xrpc = xrpc;
		this.clock = clock;
		this.credentials = credentials;
		this.accessJwt = blankToNull(credentials.secret(ACCESS_TOKEN));
		this.refreshJwt = blankToNull(credentials.secret(REFRESH_TOKEN));
		String storedDid = blankToNull(credentials.secret(DID));
		this.did = storedDid != null ? storedDid
				: credentials.externalId() != null && credentials.externalId().startsWith("did:") ? credentials.externalId()
						: null;
		this.accessExpiresAt = accessJwt == null ? null : expiry(accessJwt).orElse(credentials.expiresAt());
	}

	/** The account's DID, creating a session first if it is not known yet. */
	String did() throws ConnectorException {
		if (did == null) {
			createSession();
		}
		return Objects.requireNonNull(did);
	}

	String handle() {
		return credentials.handle();
	}

	/** Runs {@code call} with a valid access token, refreshing or re-creating the session once if needed. */
	<T> T call(Authed<T> call) throws ConnectorException {
		if (accessJwt == null) {
			createSession();
		}
		else if (accessExpiresAt != null && clock.instant().plus(EARLY_REFRESH).isAfter(accessExpiresAt)) {
			refreshOrCreate();
		}
		try {
			return call.call(Objects.requireNonNull(accessJwt));
		}
		catch (XrpcClient.TokenRejected first) {
			log.debug("Bluesky refused the access token of {} ({}); refreshing", credentials.handle(), first.getMessage());
			refreshOrCreate();
			try {
				return call.call(Objects.requireNonNull(accessJwt));
			}
			catch (XrpcClient.TokenRejected again) {
				throw new ConnectorException.AuthRevoked("Bluesky keeps refusing the session of @" + credentials.handle()
						+ " (" + again.getMessage() + "); reconnect the account",
						Reason.of("connectors.bluesky.session-refused", credentials.handle(), String.valueOf(again.getMessage())));
			}
		}
	}

	/** Creates a session with the app password (used when connecting an account, and as the last resort). */
	void createSession() throws ConnectorException {
		String password = credentials.secret(APP_PASSWORD);
		if (password.isBlank()) {
			throw new ConnectorException.AuthRevoked("The Bluesky session of @" + credentials.handle()
					+ " ended and no app password is stored to open a new one; reconnect the account",
					Reason.of("connectors.bluesky.no-app-password", credentials.handle()));
		}
		ObjectNode body = XrpcClient.JSON.createObjectNode();
		body.put("identifier", did != null ? did : credentials.handle());
		body.put("password", password);
		try {
			adopt(xrpc.procedure("com.atproto.server.createSession", body, null, Map.of()));
		}
		catch (XrpcClient.TokenRejected | ConnectorException.AuthRevoked refused) {
			throw new ConnectorException.AuthRevoked("Bluesky refused the app password of @" + credentials.handle()
					+ ": it was revoked or changed; reconnect the account with a new app password",
					Reason.of("connectors.bluesky.app-password-refused", credentials.handle()));
		}
	}

	private void refreshOrCreate() throws ConnectorException {
		if (refreshJwt == null) {
			createSession();
			return;
		}
		try {
			adopt(xrpc.procedure("com.atproto.server.refreshSession", null, refreshJwt, Map.of()));
		}
		catch (XrpcClient.TokenRejected | ConnectorException.AuthRevoked refused) {
			log.info("Bluesky refused the refresh token of {}; opening a new session with the app password",
					credentials.handle());
			createSession();
		}
	}

	private void adopt(JsonNode session) throws ConnectorException {
		String access = session.path("accessJwt").asString("");
		String refresh = session.path("refreshJwt").asString("");
		if (access.isEmpty() || refresh.isEmpty()) {
			throw ConnectorException.unexpected("Bluesky", "Bluesky answered a session without tokens");
		}
		accessJwt = access;
		refreshJwt = refresh;
		String newDid = session.path("did").asString("");
		if (!newDid.isEmpty()) {
			did = newDid;
		}
		accessExpiresAt = expiry(access).orElse(clock.instant().plus(Duration.ofHours(2)));
		renewed = true;
	}

	/** The tokens to store, once after each renewal. */
	Optional<AccountCredentials> renewed() {
		if (!renewed) {
			return Optional.empty();
		}
		renewed = false;
		Map<String, String> secrets = new LinkedHashMap<>(credentials.secrets());
		secrets.put(ACCESS_TOKEN, Objects.requireNonNull(accessJwt));
		secrets.put(REFRESH_TOKEN, Objects.requireNonNull(refreshJwt));
		if (did != null) {
			secrets.put(DID, did);
		}
		credentials = new AccountCredentials(credentials.handle(), did != null ? did : credentials.externalId(),
				credentials.baseUrl(), secrets, accessExpiresAt);
		return Optional.of(credentials);
	}

	/** The {@code exp} claim of a JWT; the signature is the server's business. */
	static Optional<Instant> expiry(String jwt) {
		String[] parts = jwt.split("\\.");
		if (parts.length < 2) {
			return Optional.empty();
		}
		try {
			byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
			JsonNode claims = XrpcClient.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
			long exp = claims.path("exp").asLong(0);
			return exp > 0 ? Optional.of(Instant.ofEpochSecond(exp)) : Optional.empty();
		}
		catch (IllegalArgumentException | JacksonException unreadable) {
			return Optional.empty();
		}
	}

	private static @Nullable String blankToNull(String s) {
		return s.isBlank() ? null : s;
	}
}
