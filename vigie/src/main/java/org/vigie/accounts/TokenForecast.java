package org.vigie.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.Network;

/**
 * What will become of an account's access, so that nothing expires silently: a token that never
 * expires, a Page token (no expiry date, derived from a long-lived Facebook user token of about 60
 * days), a token Vigie renews by itself (refresh token, app password), one that is valid, one
 * that expires within {@link #WARN_AHEAD} (reconnect before), or one that has expired (the account
 * is paused, with words and a reconnect button).
 *
 * @param expiresAt when the access token expires; null when it does not
 * @param userTokenExpiresAt for a Page token, when the long-lived user token it came from expires
 * @param daysLeft whole days until {@code expiresAt} (0 when expired or none)
 */
public record TokenForecast(Kind kind, @Nullable Instant expiresAt, @Nullable Instant userTokenExpiresAt,
		long daysLeft) {

	/** How long before expiry the warning shows. */
	public static final Duration WARN_AHEAD = Duration.ofDays(7);

	/** The secret a Facebook Login stores beside a Page token: when the user token it came from expires (ISO-8601). */
	public static final String USER_TOKEN_EXPIRES_AT = "user_token_expires_at";

	public enum Kind {
		/** No expiry (Mastodon, RSS…). */
		NEVER,
		/** A Facebook Page token (also reading Instagram): no expiry date, but it dies with the person's access. */
		PAGE_TOKEN,
		/** Expires, but Vigie renews it by itself before. */
		RENEWED,
		/** Expires later than the warning horizon. */
		VALID,
		/** Expires within the warning horizon and cannot be renewed: reconnect. */
		EXPIRING,
		/** Expired and cannot be renewed: the account is paused until reconnected. */
		EXPIRED;

		public String id() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	/** The forecast of {@code account} whose secrets are {@code secrets}, at {@code now}. */
	public static TokenForecast of(SocialAccount account, Map<String, String> secrets, Instant now) {
		Instant expires = account.tokenExpiresAt();
		boolean renewable = !secrets.getOrDefault("refresh_token", "").isBlank()
				|| !secrets.getOrDefault("app_password", "").isBlank();
		if (expires == null) {
			boolean page = (account.network() == Network.FACEBOOK || account.network() == Network.INSTAGRAM)
					&& !secrets.getOrDefault("page_token", "").isBlank();
			return new TokenForecast(page ? Kind.PAGE_TOKEN : Kind.NEVER, null,
					page ? instant(secrets.get(USER_TOKEN_EXPIRES_AT)) : null, 0);
		}
		long days = Math.max(0, Duration.between(now, expires).toDays());
		if (renewable) {
			return new TokenForecast(Kind.RENEWED, expires, null, days);
		}
		if (!expires.isAfter(now)) {
			return new TokenForecast(Kind.EXPIRED, expires, null, 0);
		}
		return new TokenForecast(expires.isAfter(now.plus(WARN_AHEAD)) ? Kind.VALID : Kind.EXPIRING, expires, null, days);
	}

	/** True when people must act (reconnect) soon or now. */
	public boolean warning() {
		return kind == Kind.EXPIRING || kind == Kind.EXPIRED;
	}

	private static @Nullable Instant instant(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
