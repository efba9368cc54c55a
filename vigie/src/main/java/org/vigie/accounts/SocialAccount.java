package org.vigie.accounts;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;

/**
 * An account of ours on one network, attached to a show.
 *
 * @param externalId the network's id for the account (user id, page id, DID, feed URL…)
 * @param baseUrl the server of a federated network (Mastodon instance, Bluesky PDS) or the API base; null for the default
 * @param statusReason why the account is paused, for people: an {@link org.vigie.shared.Reason#encode() encoded}
 *        reason (older rows: plain words), to be shown through {@code Messages.t}
 * @param tokenExpiresAt when the current access token expires, if the network says
 */
public record SocialAccount(AccountId id, @Nullable ShowId show, Network network, String handle,
		@Nullable String externalId, @Nullable String displayName, @Nullable String baseUrl, AccountStatus status,
		@Nullable String statusReason, @Nullable Instant tokenExpiresAt) {

	public SocialAccount {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(network, "network");
		Objects.requireNonNull(handle, "handle");
		Objects.requireNonNull(status, "status");
	}
}
