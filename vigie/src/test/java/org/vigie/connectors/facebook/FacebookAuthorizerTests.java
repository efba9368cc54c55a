package org.vigie.connectors.facebook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.connectors.AuthorizationRequest;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.ConnectorSettings;
import org.vigie.connectors.FoundAccount;
import org.vigie.connectors.support.FakeHttp;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.TestConnectorSettings;
import org.vigie.shared.Network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facebook Login as the documentation describes it, request by request, against a loopback server. */
class FacebookAuthorizerTests {

	static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

	static ConnectorSettings settings() {
		return TestConnectorSettings.with("1234567890", "app-secret");
	}

	FacebookAuthorizer authorizer() {
		return new FacebookAuthorizer(settings(), Clock.fixed(NOW, ZoneOffset.UTC),
				new JsonHttp(JsonHttp.defaultClient(), "Vigie-test"));
	}

	@Test
	void sendsTheBrowserToFacebooksDialogWithTheAppAndThePageAndInstagramScopes() {
		AuthorizationRequest r = authorizer().start("", "https://vigie.example/settings/accounts/callback/facebook");
		URI uri = URI.create(r.authorizeUrl());
		assertThat(uri.getHost()).isEqualTo("www.facebook.com");
		assertThat(uri.getPath()).isEqualTo("/v26.0/dialog/oauth");
		assertThat(uri.getQuery()).contains("client_id=1234567890").contains("response_type=code")
			.contains("redirect_uri=https://vigie.example/settings/accounts/callback/facebook")
			.contains("pages_show_list").contains("pages_manage_engagement").contains("instagram_manage_comments")
			.contains("state=" + r.state());
		assertThat(r.server()).isEqualTo("https://graph.facebook.com");
	}

	@Test
	void exchangesTheCodeThenForALongLivedTokenThenListsThePagesAndTheirInstagramAccounts() throws Exception {
		try (FakeHttp fb = new FakeHttp()) {
			fb.on("GET", "/v26.0/oauth/access_token", req -> FakeHttp.param(req, "grant_type").equals("fb_exchange_token")
					? FakeHttp.Response.json("{\"access_token\":\"LONG\",\"token_type\":\"bearer\",\"expires_in\":5184000}")
					: FakeHttp.Response.json("{\"access_token\":\"SHORT\",\"token_type\":\"bearer\",\"expires_in\":5400}"));
			fb.on("GET", "/v26.0/me/accounts", "{\"data\":[{\"access_token\":\"PAGE1\",\"category\":\"TV Show\",\"name\":\"La Vigie\","
					+ "\"id\":\"104000000000001\",\"tasks\":[\"MODERATE\"],\"instagram_business_account\":{\"id\":\"17841400000000001\","
					+ "\"username\":\"lavigie.tv\"}},{\"access_token\":\"PAGE2\",\"name\":\"Sans Instagram\",\"id\":\"104000000000002\"}],"
					+ "\"paging\":{\"cursors\":{\"before\":\"QVFI\",\"after\":\"QVFJ\"}}}");
			AuthorizationRequest start = authorizer().start(fb.baseUrl(), "https://vigie.example/cb");

			List<FoundAccount> found = authorizer().finishAll(start, "CODE");

			List<FakeHttp.Request> calls = fb.requests();
			assertThat(calls).hasSize(3);
			assertThat(FakeHttp.param(calls.get(0), "code")).isEqualTo("CODE");
			assertThat(FakeHttp.param(calls.get(0), "client_id")).isEqualTo("1234567890");
			assertThat(FakeHttp.param(calls.get(0), "client_secret")).isEqualTo("app-secret");
			assertThat(FakeHttp.param(calls.get(0), "redirect_uri")).isEqualTo("https://vigie.example/cb");
			assertThat(FakeHttp.param(calls.get(1), "grant_type")).isEqualTo("fb_exchange_token");
			assertThat(FakeHttp.param(calls.get(1), "fb_exchange_token")).isEqualTo("SHORT");
			assertThat(FakeHttp.param(calls.get(2), "access_token")).isEqualTo("LONG");
			assertThat(FakeHttp.param(calls.get(2), "fields")).contains("access_token").contains("instagram_business_account");

			assertThat(found).extracting(FoundAccount::network)
				.containsExactly(Network.FACEBOOK, Network.INSTAGRAM, Network.FACEBOOK);
			FoundAccount page = found.get(0);
			assertThat(page.identity().externalId()).isEqualTo("104000000000001");
			assertThat(page.identity().secrets()).containsEntry("page_token", "PAGE1")
				.containsEntry("user_token_expires_at", NOW.plusSeconds(5184000).toString());
			assertThat(page.identity().expiresAt()).isNull();
			FoundAccount ig = found.get(1);
			assertThat(ig.identity().handle()).isEqualTo("lavigie.tv");
			assertThat(ig.identity().externalId()).isEqualTo("17841400000000001");
			assertThat(ig.identity().secrets()).containsEntry("page_token", "PAGE1");
			assertThat(ig.linkedTo()).isEqualTo("La Vigie");
			assertThat(ig.identity().baseUrl()).isEqualTo(fb.baseUrl());
		}
	}

	@Test
	void aRefusedCodeSaysSoInWords() throws Exception {
		try (FakeHttp fb = new FakeHttp()) {
			fb.on("GET", "/v26.0/oauth/access_token", req -> FakeHttp.Response.status(400,
					"{\"error\":{\"message\":\"Invalid verification code format.\",\"type\":\"OAuthException\",\"code\":100}}"));
			AuthorizationRequest start = authorizer().start(fb.baseUrl(), "https://vigie.example/cb");
			assertThatThrownBy(() -> authorizer().finishAll(start, "BAD")).isInstanceOf(ConnectorException.Rejected.class)
				.hasMessageContaining("Invalid verification code format");
		}
	}

	@Test
	void theSimulatorServesInstagramBesideFacebook() {
		assertThat(FacebookAuthorizer.instagramBase("http://127.0.0.1:8080/sim/facebook"))
			.isEqualTo("http://127.0.0.1:8080/sim/instagram");
		assertThat(FacebookAuthorizer.instagramBase("https://graph.facebook.com")).isEqualTo("https://graph.facebook.com");
	}
}
