package org.vigie.accounts;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ActiveProfiles("it")
class AccountsIT {

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesCredentialsEncryptedAndReadsThemBack() {
		SocialAccount account = accounts.connect(new NewAccount(null, Network.X, "secret_keeper", "42", "Keeper", null,
				Map.of("access_token", "tok-123", "refresh_token", "ref-456"), Instant.parse("2030-01-01T00:00:00Z")));

		String stored = jdbc.sql("SELECT credentials FROM social_accounts WHERE id = ?")
			.param(account.id().toString())
			.query(String.class)
			.single();
		assertThat(stored).startsWith("v1:").doesNotContain("tok-123").doesNotContain("ref-456");
		AccountSecrets secrets = accounts.secrets(account.id());
		assertThat(secrets.values()).containsEntry("access_token", "tok-123").containsEntry("refresh_token", "ref-456");
		assertThat(secrets.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
		assertThat(account.tokenExpiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
	}

	@Test
	void credentialsCopiedToAnotherAccountDoNotDecrypt() {
		SocialAccount a = accounts.connect(new NewAccount(null, Network.X, "copy_a", "1", null, null,
				Map.of("access_token", "a"), null));
		SocialAccount b = accounts.connect(new NewAccount(null, Network.X, "copy_b", "2", null, null,
				Map.of("access_token", "b"), null));
		jdbc.sql("UPDATE social_accounts SET credentials = (SELECT credentials FROM social_accounts WHERE id = ?) WHERE id = ?")
			.params(a.id().toString(), b.id().toString())
			.update();

		assertThatThrownBy(() -> accounts.secrets(b.id())).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void pausesWithReasonAndResumes() {
		SocialAccount account = accounts.connect(new NewAccount(null, Network.MASTODON, "pause_me@example.social", "7",
				null, "https://example.social", Map.of("access_token", "t"), null));

		accounts.pause(account.id(), Reason.words("Le jeton a été révoqué"));
		SocialAccount paused = accounts.find(account.id()).orElseThrow();
		assertThat(paused.status()).isEqualTo(AccountStatus.PAUSED);
		assertThat(paused.statusReason()).isEqualTo("Le jeton a été révoqué");

		accounts.resume(account.id());
		SocialAccount resumed = accounts.find(account.id()).orElseThrow();
		assertThat(resumed.status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(resumed.statusReason()).isNull();
	}

	@Test
	void reconnectingKeepsTheIdAndReplacesCredentials() {
		SocialAccount first = accounts.connect(new NewAccount(null, Network.X, "again", "9", null, null,
				Map.of("access_token", "old"), null));
		accounts.pause(first.id(), Reason.words("expired"));

		SocialAccount second = accounts.connect(new NewAccount(null, Network.X, "again", "9", null, null,
				Map.of("access_token", "new"), null));

		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(accounts.secrets(first.id()).values()).containsEntry("access_token", "new");
	}

	@Test
	void updatesCredentialsWithoutChangingStatus() {
		SocialAccount account = accounts.connect(new NewAccount(null, Network.X, "renewing", "5", null, null,
				Map.of("access_token", "one"), null));

		accounts.updateCredentials(account.id(), Map.of("access_token", "two", "refresh_token", "r2"),
				Instant.parse("2031-05-01T10:00:00Z"));

		assertThat(accounts.secrets(account.id()).values()).containsEntry("access_token", "two");
		assertThat(accounts.find(account.id()).orElseThrow().tokenExpiresAt()).isEqualTo(Instant.parse("2031-05-01T10:00:00Z"));
		assertThat(accounts.find(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.CONNECTED);
	}
}
