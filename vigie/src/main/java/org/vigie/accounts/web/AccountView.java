package org.vigie.accounts.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.vigie.accounts.AccountActivity;
import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.SocialAccount;
import org.vigie.accounts.TokenForecast;

/**
 * An account as Settings › Accounts and {@code GET /api/v1/accounts} show it: who, which show,
 * its health in words, its token and its polling.
 *
 * @param status {@code connected}, {@code paused} or {@code disconnected}
 * @param statusReason why it is paused, in words; null otherwise
 * @param lastError the latest polling failure in words; null when polls succeed
 * @param tokenForecast what becomes of the token: {@code never}, {@code page-token}, {@code renewed},
 *        {@code valid}, {@code expiring} (within 7 days, reconnect before) or {@code expired}
 * @param tokenWarning true when people must reconnect soon or now
 * @param tokenDaysLeft whole days before the token expires (0 when expired or never)
 * @param userTokenExpiresAt for a Facebook Page token: when the long-lived user token it came from expires
 */
public record AccountView(String id, String network, String networkLabel, String handle, @Nullable String displayName,
		@Nullable String externalId, @Nullable String show, @Nullable String showName, @Nullable String server,
		String status, @Nullable String statusReason, @Nullable Instant tokenExpiresAt, boolean tokenExpired,
		@Nullable Instant lastPoll, @Nullable Instant nextPoll, @Nullable String lastError, long itemsStored,
		String tokenForecast, boolean tokenWarning, long tokenDaysLeft, @Nullable Instant userTokenExpiresAt) {

	static AccountView of(SocialAccount a, @Nullable String showName, AccountActivity.@Nullable Activity activity,
			TokenForecast forecast, Instant now) {
		return new AccountView(a.id().toString(), a.network().id(), a.network().label(), a.handle(), a.displayName(),
				a.externalId(), a.show() == null ? null : a.show().toString(), showName, a.baseUrl(),
				a.status().name().toLowerCase(Locale.ROOT), a.statusReason(), a.tokenExpiresAt(),
				a.tokenExpiresAt() != null && !a.tokenExpiresAt().isAfter(now),
				activity == null ? null : activity.lastPoll(), activity == null ? null : activity.nextPoll(),
				activity == null ? null : activity.lastError(), activity == null ? 0 : activity.itemsStored(),
				forecast.kind().id(), forecast.warning(), forecast.daysLeft(), forecast.userTokenExpiresAt());
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter
		.ofPattern("dd/MM/yyyy HH:mm:ss")
		.withZone(ZoneId.of("Europe/Paris"));

	/** An instant for people (Paris time), or a dash. */
	public static String when(@Nullable Instant instant) {
		return instant == null ? "—" : WHEN.format(instant);
	}

	public boolean paused() {
		return AccountStatus.PAUSED.name().equalsIgnoreCase(status);
	}

	/** Facebook Login connects Instagram accounts too: an Instagram account is reconnected through Facebook. */
	public String reconnectNetwork() {
		return network.equals("instagram") ? "facebook" : network;
	}

	public boolean connected() {
		return AccountStatus.CONNECTED.name().equalsIgnoreCase(status);
	}
}
