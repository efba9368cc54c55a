package org.vigie.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.Network;

/**
 * The simulated authorisation servers: OAuth apps (Mastodon registers one per instance),
 * authorisation codes with PKCE, access tokens that expire, refresh tokens that rotate. Tokens
 * are bound to one network and one user. Thread-safe.
 */
public final class SimAuth {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A token pair as issued. {@code refreshToken} is empty when none was asked; {@code expiresAt} null for never. */
	public record Issued(String accessToken, String refreshToken, @Nullable Instant expiresAt, String userId) {
	}

	/** A registered OAuth client. */
	public record App(String clientId, String clientSecret, String name, String redirectUris, String scopes) {
	}

	record Code(Network network, String userId, String clientId, String redirectUri, String challenge, String scope,
			Instant expiresAt) {
	}

	private record Access(Network network, String userId, @Nullable Instant expiresAt) {
	}

	private final Map<String, Access> access = new ConcurrentHashMap<>();

	private final Map<String, Access> refresh = new ConcurrentHashMap<>();

	private final Map<String, Code> codes = new ConcurrentHashMap<>();

	private final Map<String, App> apps = new ConcurrentHashMap<>();

	/** Issues tokens to {@code userId}; a null {@code ttl} never expires (Mastodon). */
	public Issued issue(Network network, String userId, @Nullable Duration ttl, boolean withRefresh, Instant now) {
		String token = random(network.id() + "_at_");
		Instant expires = ttl == null ? null : now.plus(ttl);
		access.put(token, new Access(network, userId, expires));
		String refreshToken = "";
		if (withRefresh) {
			refreshToken = random(network.id() + "_rt_");
			refresh.put(refreshToken, new Access(network, userId, null));
		}
		return new Issued(token, refreshToken, expires, userId);
	}

	/** The user a valid access token acts for; empty for an unknown, expired or revoked token. */
	public Optional<String> userOf(Network network, String token, Instant now) {
		Access a = access.get(token);
		if (a == null || a.network() != network || (a.expiresAt() != null && !now.isBefore(a.expiresAt()))) {
			return Optional.empty();
		}
		return Optional.of(a.userId());
	}

	/** When a valid access token expires; empty for an unknown, expired or never-expiring token. */
	public Optional<Instant> expiresAt(Network network, String token, Instant now) {
		Access a = access.get(token);
		if (a == null || a.network() != network || a.expiresAt() == null || !now.isBefore(a.expiresAt())) {
			return Optional.empty();
		}
		return Optional.of(a.expiresAt());
	}

	/** Exchanges a refresh token for a new pair; the old refresh token stops working (rotation). */
	public Optional<Issued> refresh(Network network, String refreshToken, Duration ttl, Instant now) {
		Access a = refresh.remove(refreshToken);
		if (a == null || a.network() != network) {
			return Optional.empty();
		}
		return Optional.of(issue(network, a.userId(), ttl, true, now));
	}

	/** Revokes every token of a user on a network: the next call gets 401 and refreshes fail. */
	public void revokeAll(Network network, String userId) {
		access.values().removeIf(a -> a.network() == network && a.userId().equals(userId));
		refresh.values().removeIf(a -> a.network() == network && a.userId().equals(userId));
	}

	/** Makes the user's access tokens expire now (refresh tokens still work). */
	public void expireAll(Network network, String userId, Instant now) {
		access.replaceAll((t, a) -> a.network() == network && a.userId().equals(userId)
				? new Access(network, userId, now) : a);
	}

	public App registerApp(String name, String redirectUris, String scopes) {
		App app = new App(random("client_"), random("secret_"), name, redirectUris, scopes);
		apps.put(app.clientId(), app);
		return app;
	}

	public Optional<App> app(String clientId) {
		return Optional.ofNullable(apps.get(clientId));
	}

	/** Records the user's consent and returns an authorisation code (30 s to redeem, once). */
	public String authorize(Network network, String userId, String clientId, String redirectUri, String challenge,
			String scope, Instant now) {
		return code(network, userId, clientId, redirectUri, challenge, scope, now);
	}

	/** Redeems a code for tokens (see {@link #redeem}); empty when anything does not match. */
	public Optional<Issued> exchange(Network network, String code, String clientId, String redirectUri,
			String verifier, @Nullable Duration ttl, boolean withRefresh, Instant now) {
		return redeem(network, code, clientId, redirectUri, verifier, now)
			.map(c -> issue(network, c.userId(), ttl, withRefresh, now));
	}

	String code(Network network, String userId, String clientId, String redirectUri, String challenge, String scope,
			Instant now) {
		String code = random("code_");
		// X: "the authorization code must be exchanged within 30 s".
		codes.put(code, new Code(network, userId, clientId, redirectUri, challenge, scope, now.plusSeconds(30)));
		return code;
	}

	/**
	 * Redeems a code once: checks the network, client, redirect URI, expiry and the PKCE verifier
	 * (S256; no check when the code was asked without a challenge).
	 */
	Optional<Code> redeem(Network network, String code, String clientId, String redirectUri, String verifier,
			Instant now) {
		Code c = codes.remove(code);
		if (c == null || c.network() != network || !c.clientId().equals(clientId) || !c.redirectUri().equals(redirectUri)
				|| now.isAfter(c.expiresAt())) {
			return Optional.empty();
		}
		if (!c.challenge().isEmpty() && !c.challenge().equals(s256(verifier))) {
			return Optional.empty();
		}
		return Optional.of(c);
	}

	/** The PKCE S256 challenge of a verifier: base64url(SHA-256(verifier)), unpadded. */
	public static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String random(String prefix) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
