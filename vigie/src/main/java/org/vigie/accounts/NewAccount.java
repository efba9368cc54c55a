package org.vigie.accounts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;

/**
 * An account being connected: who it is on its network and the secrets to act as it (stored
 * encrypted by {@link Accounts#connect}).
 *
 * @param show the show it belongs to; null to attach it later
 * @param externalId the network's id for the account (user id, DID, feed URL…), if known
 * @param baseUrl the API base or instance; null for the network's default
 * @param secrets the secrets by name ({@code access_token}, {@code refresh_token}…); never logged
 * @param tokenExpiresAt when the access token expires, if the network says
 */
public record NewAccount(@Nullable ShowId show, Network network, String handle, @Nullable String externalId,
		@Nullable String displayName, @Nullable String baseUrl, Map<String, String> secrets,
		@Nullable Instant tokenExpiresAt) {

	public NewAccount {
		Objects.requireNonNull(network, "network");
		if (handle == null || handle.isBlank()) {
			throw new IllegalArgumentException("An account needs a handle");
		}
		secrets = Map.copyOf(secrets);
	}

	@Override
	public String toString() {
		return "NewAccount[" + network.id() + " " + handle + ", secrets=" + secrets.keySet() + "]";
	}
}
