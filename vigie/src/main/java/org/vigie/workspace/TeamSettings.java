package org.vigie.workspace;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Team and sign-in settings.
 *
 * @param adminEmail with {@code adminPassword}, creates the first admin on an empty database ({@code VIGIE_ADMIN_EMAIL})
 * @param adminPassword that admin's password ({@code VIGIE_ADMIN_PASSWORD}); never logged
 * @param baseUrl the public address of Vigie, used in setup and invitation links ({@code VIGIE_BASE_URL});
 *        empty means http://localhost:PORT
 * @param maxFailedLogins failed logins in a row before an account is locked for a while (default 5)
 * @param lockout how long the first lock lasts; each further failure doubles it, up to an hour (default 1m)
 * @param inviteValidity how long an invitation link works (default 7 days)
 */
@ConfigurationProperties("vigie.workspace")
public record TeamSettings(@Nullable String adminEmail, @Nullable String adminPassword, @Nullable String baseUrl,
		@DefaultValue("5") int maxFailedLogins, @DefaultValue("1m") Duration lockout,
		@DefaultValue("7d") Duration inviteValidity) {

	public TeamSettings {
		if (maxFailedLogins < 1) {
			throw new IllegalArgumentException("vigie.workspace.max-failed-logins must be at least 1");
		}
		boolean hasEmail = adminEmail != null && !adminEmail.isBlank();
		boolean hasPassword = adminPassword != null && !adminPassword.isBlank();
		if (hasEmail != hasPassword) {
			throw new IllegalArgumentException(
					"VIGIE_ADMIN_EMAIL and VIGIE_ADMIN_PASSWORD go together: set both or neither");
		}
		if (hasPassword && adminPassword.length() < PasswordPolicy.MIN_LENGTH) {
			throw new IllegalArgumentException(
					"VIGIE_ADMIN_PASSWORD must be at least " + PasswordPolicy.MIN_LENGTH + " characters");
		}
	}

	boolean bootstrapsAdmin() {
		return adminEmail != null && !adminEmail.isBlank();
	}
}
