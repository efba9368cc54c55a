package org.vigie.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;

import static org.assertj.core.api.Assertions.assertThat;

class TokenForecastTests {

	static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

	static SocialAccount account(Network network, Instant expires) {
		return new SocialAccount(AccountId.generate(), null, network, "h", "1", null, null, AccountStatus.CONNECTED, null,
				expires);
	}

	@Test
	void aTokenWithoutExpiryNeverExpires() {
		assertThat(TokenForecast.of(account(Network.MASTODON, null), Map.of("access_token", "t"), NOW).kind())
			.isEqualTo(TokenForecast.Kind.NEVER);
	}

	@Test
	void aFacebookPageTokenSaysItDoesNotExpireAndWhenItsUserTokenDoes() {
		TokenForecast f = TokenForecast.of(account(Network.FACEBOOK, null),
				Map.of("page_token", "p", TokenForecast.USER_TOKEN_EXPIRES_AT, "2027-01-25T02:00:00Z"), NOW);
		assertThat(f.kind()).isEqualTo(TokenForecast.Kind.PAGE_TOKEN);
		assertThat(f.userTokenExpiresAt()).isEqualTo(Instant.parse("2027-01-25T02:00:00Z"));
		assertThat(f.warning()).isFalse();
	}

	@Test
	void aTokenWithARefreshTokenIsRenewedNotWarnedAbout() {
		TokenForecast f = TokenForecast.of(account(Network.YOUTUBE, NOW.minusSeconds(1)),
				Map.of("access_token", "a", "refresh_token", "r"), NOW);
		assertThat(f.kind()).isEqualTo(TokenForecast.Kind.RENEWED);
		assertThat(f.warning()).isFalse();
	}

	@Test
	void warnsSevenDaysAheadThenSaysExpired() {
		Instant expires = NOW.plus(Duration.ofDays(10));
		Map<String, String> secrets = Map.of("access_token", "a");
		assertThat(TokenForecast.of(account(Network.INSTAGRAM, expires), secrets, NOW).kind())
			.isEqualTo(TokenForecast.Kind.VALID);
		TokenForecast soon = TokenForecast.of(account(Network.INSTAGRAM, expires), secrets, NOW.plus(Duration.ofDays(3)));
		assertThat(soon.kind()).isEqualTo(TokenForecast.Kind.EXPIRING);
		assertThat(soon.daysLeft()).isEqualTo(7);
		assertThat(soon.warning()).isTrue();
		TokenForecast gone = TokenForecast.of(account(Network.INSTAGRAM, expires), secrets, expires);
		assertThat(gone.kind()).isEqualTo(TokenForecast.Kind.EXPIRED);
		assertThat(gone.warning()).isTrue();
	}
}
