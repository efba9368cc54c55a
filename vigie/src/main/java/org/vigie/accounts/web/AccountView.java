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
import org.vigie.shared.Reason;
import org.vigie.web.Messages;

/**
 * An account as Settings › Accounts and {@code GET /api/v1/accounts} show it: who, which show,
 * its health in words, its token and its polling.
 *
 * @param status {@code connected}, {@code paused} or {@code disconnected}
 * @param statusReason why it is paused, in words in the reader's language; null otherwise
 * @param statusReasonCode the message key of {@code statusReason} (e.g. {@code connectors.failure.revoked});
 *        null when not paused or when the reason is plain words (written before reasons had keys)
 * @param lastError the latest polling failure in words in the reader's language; null when polls succeed
 * @param lastErrorCode the message key of {@code lastError}, as {@code statusReasonCode}
 * @param tokenForecast what becomes of the token: {@code never}, {@code page-token}, {@code renewed},
 *        {@code valid}, {@code expiring} (within 7 days, reconnect before) or {@code expired}
 * @param tokenWarning true when people must reconnect soon or now
 * @param tokenDaysLeft whole days before the token expires (0 when expired or never)
 * @param userTokenExpiresAt for a Facebook Page token: when the long-lived user token it came from expires
 */
public record AccountView(String id, String network, String networkLabel, String handle, @Nullable String displayName,
		@Nullable String externalId, @Nullable String show, @Nullable String showName, @Nullable String server,
		String status, @Nullable String statusReason, @Nullable String statusReasonCode, @Nullable Instant tokenExpiresAt,
		boolean tokenExpired, @Nullable Instant lastPoll, @Nullable Instant nextPoll, @Nullable String lastError,
		@Nullable String lastErrorCode, long itemsStored, String tokenForecast, boolean tokenWarning, long tokenDaysLeft,
		@Nullable Instant userTokenExpiresAt) {

	/** @param messages the reader's language, in which the stored reasons are put into words */
	static AccountView of(SocialAccount a, @Nullable String showName, AccountActivity.@Nullable Activity activity,
			TokenForecast forecast, Instant now, Messages messages) {
		String lastError = activity == null ? null : activity.lastError();
		return new AccountView(a.id().toString(), a.network().id(), a.network().label(), a.handle(), a.displayName(),
				a.externalId(), a.show() == null ? null : a.show().toString(), showName, a.baseUrl(),
				a.status().name().toLowerCase(Locale.ROOT), messages.reason(a.statusReason()), Reason.codeOf(a.statusReason()),
				a.tokenExpiresAt(), a.tokenExpiresAt() != null && !a.tokenExpiresAt().isAfter(now),
				activity == null ? null : activity.lastPoll(), activity == null ? null : activity.nextPoll(),
				messages.reason(lastError), Reason.codeOf(lastError), activity == null ? 0 : activity.itemsStored(),
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
