package org.vigie.connectors;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a connector needs to act as one account: its ids, the API base URL (the real network, or the
 * simulator on loopback), and the decrypted secrets (access token, refresh token, app password,
 * page token…, by name). Never logged: {@link #toString()} hides the secrets.
 *
 * @param externalId the network's id for the account (user id, page id, DID, feed URL)
 * @param baseUrl the API base, e.g. {@code https://api.x.com} or {@code http://127.0.0.1:8080/sim/x}
 * @param expiresAt when the access token expires, if known
 */
public record AccountCredentials(String handle, @Nullable String externalId, String baseUrl,
		Map<String, String> secrets, @Nullable Instant expiresAt) {

	public AccountCredentials {
		Objects.requireNonNull(handle, "handle");
		Objects.requireNonNull(baseUrl, "baseUrl");
		secrets = Map.copyOf(secrets);
	}

	/** The secret called {@code name}, or empty string when absent. */
	public String secret(String name) {
		return secrets.getOrDefault(name, "");
	}

	@Override
	public String toString() {
		return "AccountCredentials[" + handle + " @ " + baseUrl + ", secrets=" + secrets.keySet() + "]";
	}
}
