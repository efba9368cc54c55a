package org.vigie.simulator;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the demo workspace needs to connect a show's account to a fake: who it is and the
 * secrets the network's connector expects (as its authorisation flow would have stored them).
 *
 * @param handle the account's handle as Vigie stores it
 * @param expiresAt when the access token expires; null when it does not
 */
public record DemoAccount(String handle, String externalId, String displayName, Map<String, String> secrets,
		@Nullable Instant expiresAt) {

	public DemoAccount {
		secrets = Map.copyOf(secrets);
	}

	@Override
	public String toString() {
		return "DemoAccount[" + handle + "]";
	}
}
