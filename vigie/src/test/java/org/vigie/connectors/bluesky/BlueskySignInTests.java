package org.vigie.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.support.ApiReference;
import org.vigie.connectors.support.FakeHttp;

class BlueskySignInTests {

	private final FakeHttp pds = new FakeHttp();

	private final BlueskySignIn signIn = new BlueskySignIn(new BlueskyConnectorFactory(Clock.systemUTC()));

	@AfterEach
	void stop() {
		pds.close();
	}

	@Test
	void opensASessionAndStoresTheDidAndTokens() throws Exception {
		pds.on("POST", "/xrpc/com.atproto.server.createSession",
				ApiReference.text("bluesky/samples-local-peer/createSession.response.json"));

		ConnectedIdentity identity = signIn.signIn(pds.baseUrl(), "@lavigie.test", "abcd-efgh-ijkl-mnop");

		assertThat(identity.handle()).isEqualTo("lavigie.test");
		assertThat(identity.externalId()).isEqualTo("did:plc:zqdmwkg4dmo4wsxduuyn6yeh");
		assertThat(identity.baseUrl()).isEqualTo(pds.baseUrl());
		assertThat(identity.secrets()).containsKeys("app_password", "access_token", "refresh_token", "did");
		assertThat(pds.requests().get(0).body()).contains("\"identifier\":\"lavigie.test\"");
	}

	@Test
	void refusesAWrongAppPasswordInWords() {
		pds.on("POST", "/xrpc/com.atproto.server.createSession", r -> FakeHttp.Response.status(401,
				"{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}"));

		assertThatThrownBy(() -> signIn.signIn(pds.baseUrl(), "lavigie.test", "wrong-pass-word-xxxx"))
			.isInstanceOf(ConnectorException.AuthRevoked.class).hasMessageContaining("app password");
	}
}
