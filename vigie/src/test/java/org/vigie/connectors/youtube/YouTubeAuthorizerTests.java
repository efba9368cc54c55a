package org.vigie.connectors.youtube;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.vigie.connectors.AuthorizationRequest;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Pkce;
import org.vigie.connectors.support.TestConnectorSettings;
import org.vigie.connectors.support.FakeHttp;
import org.vigie.connectors.support.JsonHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Google OAuth for YouTube as documented: offline access with consent, PKCE, then channels.list mine=true. */
class YouTubeAuthorizerTests {

	static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

	YouTubeAuthorizer authorizer() {
		return new YouTubeAuthorizer(TestConnectorSettings.with("google-client", "google-secret"),
				Clock.fixed(NOW, ZoneOffset.UTC), new JsonHttp(JsonHttp.defaultClient(), "Vigie-test"));
	}

	@Test
	void asksGoogleForOfflineAccessWithPkce() {
		AuthorizationRequest r = authorizer().start("", "https://vigie.example/cb");
		URI uri = URI.create(r.authorizeUrl());
		assertThat(uri.getHost()).isEqualTo("accounts.google.com");
		assertThat(uri.getPath()).isEqualTo("/o/oauth2/v2/auth");
		assertThat(uri.getQuery()).contains("client_id=google-client").contains("access_type=offline")
			.contains("prompt=consent").contains("scope=https://www.googleapis.com/auth/youtube.force-ssl")
			.contains("code_challenge=" + Pkce.challenge(r.secret("code_verifier"))).contains("code_challenge_method=S256");
	}

	@Test
	void exchangesTheCodeThenReadsItsChannel() throws Exception {
		try (FakeHttp google = new FakeHttp()) {
			google.on("POST", "/token", "{\"access_token\":\"ya29.A\",\"expires_in\":3599,\"refresh_token\":\"1//R\","
					+ "\"scope\":\"https://www.googleapis.com/auth/youtube.force-ssl\",\"token_type\":\"Bearer\"}");
			google.on("GET", "/youtube/v3/channels", "{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"kind\":\"youtube#channel\","
					+ "\"id\":\"UCabc\",\"snippet\":{\"title\":\"La Vigie\",\"customUrl\":\"@lavigie\"}}]}");
			AuthorizationRequest start = authorizer().start(google.baseUrl(), "https://vigie.example/cb");

			ConnectedIdentity channel = authorizer().finish(start, "4/CODE");

			FakeHttp.Request token = google.requests().get(0);
			assertThat(token.body()).contains("grant_type=authorization_code").contains("client_secret=google-secret")
				.contains("code_verifier=" + start.secret("code_verifier"));
			FakeHttp.Request channels = google.requests().get(1);
			assertThat(FakeHttp.param(channels, "mine")).isEqualTo("true");
			assertThat(channels.header("Authorization")).isEqualTo("Bearer ya29.A");
			assertThat(channel.externalId()).isEqualTo("UCabc");
			assertThat(channel.handle()).isEqualTo("lavigie");
			assertThat(channel.secrets()).containsEntry("refresh_token", "1//R").containsEntry("client_id", "google-client");
			assertThat(channel.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
		}
	}

	@Test
	void withoutARefreshTokenTheConnectionIsRefusedInWords() throws Exception {
		try (FakeHttp google = new FakeHttp()) {
			google.on("POST", "/token", "{\"access_token\":\"ya29.A\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
			AuthorizationRequest start = authorizer().start(google.baseUrl(), "https://vigie.example/cb");
			assertThatThrownBy(() -> authorizer().finish(start, "4/CODE")).isInstanceOf(ConnectorException.Rejected.class)
				.hasMessageContaining("refresh token")
				.satisfies(e -> assertThat(((ConnectorException) e).reason().code()).contains("connectors.youtube.no-refresh-token"));
		}
	}
}
