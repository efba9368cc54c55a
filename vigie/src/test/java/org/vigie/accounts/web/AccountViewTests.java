package org.vigie.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.vigie.accounts.AccountActivity;
import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.SocialAccount;
import org.vigie.accounts.TokenForecast;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;
import org.vigie.web.Messages;

/** An account's reasons as people read them: in their language, with the key beside; older words as they were. */
class AccountViewTests {

	private static final Instant NOW = Instant.parse("2026-11-26T05:00:00Z");

	@Test
	void aStoredReasonIsInTheReadersLanguageWithItsKey() {
		String paused = Reason.of("connectors.failure.revoked", "X", "401").encode();
		String lastError = Reason.of("connectors.poll.revoked", Reason.of("connectors.failure.revoked", "X", "401")).encode();

		AccountView english = view(paused, lastError, Locale.ENGLISH);
		AccountView french = view(paused, lastError, Locale.FRENCH);

		assertThat(english.statusReason()).isEqualTo(
				"X refuses this account's access (token or key expired or revoked): reconnect the account (HTTP 401)");
		assertThat(french.statusReason()).isEqualTo(
				"X refuse l'accès de ce compte (jeton ou clé expiré ou révoqué) : reconnectez le compte (HTTP 401)");
		assertThat(english.statusReasonCode()).isEqualTo("connectors.failure.revoked");
		assertThat(english.lastError()).startsWith("Authorisation lost: X refuses");
		assertThat(french.lastError()).startsWith("Autorisation perdue : X refuse");
		assertThat(french.lastErrorCode()).isEqualTo("connectors.poll.revoked");
	}

	@Test
	void wordsStoredBeforeReasonsHadKeysShowAsTheyAre() {
		AccountView view = view("X refuse l'accès de ce compte : reconnectez le compte (HTTP 401)", null, Locale.ENGLISH);

		assertThat(view.statusReason()).isEqualTo("X refuse l'accès de ce compte : reconnectez le compte (HTTP 401)");
		assertThat(view.statusReasonCode()).isNull();
		assertThat(view.lastError()).isNull();
		assertThat(view.lastErrorCode()).isNull();
	}

	private static AccountView view(String statusReason, String lastError, Locale locale) {
		SocialAccount account = new SocialAccount(AccountId.generate(), null, Network.X, "PhareOfficiel", "42", null, null,
				AccountStatus.PAUSED, statusReason, null);
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages", "i18n/accounts", "i18n/connectors");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return AccountView.of(account, null, new AccountActivity.Activity(NOW, NOW, lastError, 0),
				TokenForecast.of(account, Map.of(), NOW), NOW, new Messages(source, locale));
	}
}
