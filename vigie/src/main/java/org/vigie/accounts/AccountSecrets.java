package org.vigie.accounts;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The decrypted secrets of an account and when its access token expires. Never logged:
 * {@link #toString()} shows only the names.
 */
public record AccountSecrets(Map<String, String> values, @Nullable Instant expiresAt) {

	public AccountSecrets {
		values = Map.copyOf(values);
	}

	@Override
	public String toString() {
		return "AccountSecrets" + values.keySet();
	}
}
