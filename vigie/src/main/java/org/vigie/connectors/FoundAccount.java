package org.vigie.connectors;

import java.io.Serializable;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.Network;

/**
 * One account an authorisation gives access to, for the person to pick (Facebook Login: each Page
 * granted and the Instagram business account linked to it).
 *
 * @param linkedTo the name of the account it comes with (the Page of an Instagram account); null when none
 * @param tokenNote how its token lives, in words for people (e.g. a Page token does not expire)
 */
public record FoundAccount(Network network, ConnectedIdentity identity, @Nullable String linkedTo, String tokenNote)
		implements Serializable {

	public FoundAccount {
		Objects.requireNonNull(network, "network");
		Objects.requireNonNull(identity, "identity");
	}
}
