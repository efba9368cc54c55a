package org.vigie.connectors;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who an account is once authorised, and the secrets to act as it (to be stored encrypted).
 *
 * @param baseUrl the API base or instance to store with the account
 * @param expiresAt when the access token expires; null when it does not
 */
public record ConnectedIdentity(String handle, String externalId, @Nullable String displayName, String baseUrl,
		Map<String, String> secrets, @Nullable Instant expiresAt) implements Serializable {

	public ConnectedIdentity {
		secrets = Map.copyOf(secrets);
	}

	@Override
	public String toString() {
		return "ConnectedIdentity[" + handle + " @ " + baseUrl + "]";
	}
}
