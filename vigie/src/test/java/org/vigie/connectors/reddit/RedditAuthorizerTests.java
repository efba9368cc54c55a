package org.vigie.connectors.reddit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.vigie.connectors.AuthorizationRequest;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.ConnectorSettings;
import org.vigie.connectors.support.TestConnectorSettings;
import org.vigie.connectors.support.FakeHttp;
import org.vigie.connectors.support.JsonHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reddit's OAuth as its wiki describes it: permanent duration, HTTP Basic client authentication, descriptive User-Agent. */
class RedditAuthorizerTests {

	static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

	final ConnectorSettings settings = TestConnectorSettings.with("reddit-app", "reddit-secret");

	RedditAuthorizer authorizer() {
		return new RedditAuthorizer(settings, Clock.fixed(NOW, ZoneOffset.UTC),
				new JsonHttp(JsonHttp.defaultClient(), RedditConnectorFactory.userAgent("vigie")));
	}

	@Test
	void asksForPermanentAccessOnWwwRedditCom() {
		AuthorizationRequest r = authorizer().start("", "https://vigie.example/cb");
		URI uri = URI.create(r.authorizeUrl());
		assertThat(uri.getHost()).isEqualTo("www.reddit.com");
		assertThat(uri.getPath()).isEqualTo("/api/v1/authorize");
		assertThat(uri.getQuery()).contains("client_id=reddit-app").contains("response_type=code")
			.contains("duration=permanent").contains("scope=identity read submit privatemessages history")
			.contains("state=" + r.state());
	}

	@Test
	void exchangesTheCodeWithHttpBasicThenAsksWhoItIs() throws Exception {
		try (FakeHttp reddit = new FakeHttp()) {
			reddit.on("POST", "/api/v1/access_token", "{\"access_token\":\"A\",\"token_type\":\"bearer\",\"expires_in\":86400,"
					+ "\"refresh_token\":\"R\",\"scope\":\"identity read\"}");
			reddit.on("GET", "/api/v1/me", "{\"name\":\"LaVigieTV\",\"id\":\"1w72\"}");
			AuthorizationRequest start = authorizer().start(reddit.baseUrl(), "https://vigie.example/cb");

			ConnectedIdentity who = authorizer().finish(start, "CODE");

			FakeHttp.Request token = reddit.requests().get(0);
			assertThat(token.header("Authorization")).isEqualTo("Basic "
					+ Base64.getEncoder().encodeToString("reddit-app:reddit-secret".getBytes(StandardCharsets.UTF_8)));
			assertThat(token.body()).contains("grant_type=authorization_code").contains("code=CODE")
				.contains("redirect_uri=https%3A%2F%2Fvigie.example%2Fcb");
			assertThat(token.header("User-Agent")).isEqualTo("server:org.vigie:v0.1 (by /u/vigie)");
			assertThat(reddit.requests().get(1).header("Authorization")).isEqualTo("bearer A");
			assertThat(who.handle()).isEqualTo("LaVigieTV");
			assertThat(who.externalId()).isEqualTo("t2_1w72");
			assertThat(who.secrets()).containsEntry("refresh_token", "R").containsEntry("client_id", "reddit-app");
			assertThat(who.expiresAt()).isEqualTo(NOW.plusSeconds(86400));
		}
	}

	@Test
	void aBadCodeAnsweredWithHttp200IsStillRefused() throws Exception {
		try (FakeHttp reddit = new FakeHttp()) {
			reddit.on("POST", "/api/v1/access_token", "{\"error\": \"invalid_grant\"}");
			AuthorizationRequest start = authorizer().start(reddit.baseUrl(), "https://vigie.example/cb");
			assertThatThrownBy(() -> authorizer().finish(start, "BAD")).isInstanceOf(ConnectorException.Rejected.class)
				.hasMessageContaining("invalid_grant");
		}
	}
}
