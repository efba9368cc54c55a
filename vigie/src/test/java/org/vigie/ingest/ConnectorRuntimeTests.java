package org.vigie.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigie.accounts.AccountSecrets;
import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Batch;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.ArgumentMatchers.any;

class ConnectorRuntimeTests {

	final AccountId id = AccountId.generate();

	final Accounts accounts = mock(Accounts.class);

	AccountCredentials opened;

	ConnectorException failure;

	final ConnectorFactory factory = new ConnectorFactory() {

		@Override
		public Network network() {
			return Network.X;
		}

		@Override
		public Set<Capability> capabilities() {
			return Set.of(Capability.READ_MENTIONS);
		}

		@Override
		public Set<Feed.Kind> feeds() {
			return Set.of(Feed.Kind.MENTIONS);
		}

		@Override
		public String defaultBaseUrl() {
			return "https://api.x.com";
		}

		@Override
		public SocialConnector open(AccountCredentials credentials) {
			opened = credentials;
			return new SocialConnector() {

				@Override
				public Batch poll(Feed feed, Cursor cursor) throws ConnectorException {
					if (failure != null) {
						throw failure;
					}
					return Batch.of(List.of(), new Cursor("next"), false);
				}

				@Override
				public Optional<AccountCredentials> renewedCredentials() {
					return Optional.of(new AccountCredentials("me", "1", "https://api.x.com",
							Map.of("access_token", "fresh"), Instant.parse("2030-01-01T02:00:00Z")));
				}
			};
		}
	};

	final ConnectorRuntime runtime = new ConnectorRuntime(accounts, List.of(factory));

	ConnectorRuntimeTests() {
		when(accounts.find(id)).thenReturn(Optional.of(new SocialAccount(id, null, Network.X, "me", "1", null, null,
				AccountStatus.CONNECTED, null, null)));
		when(accounts.secrets(id)).thenReturn(new AccountSecrets(Map.of("access_token", "stale"), null));
	}

	@Test
	void opensWithDecryptedCredentialsAndTheNetworkDefaultBase() {
		assertThat(runtime.open(id)).isPresent();
		assertThat(opened.secret("access_token")).isEqualTo("stale");
		assertThat(opened.baseUrl()).isEqualTo("https://api.x.com");
	}

	@Test
	void storesRenewedCredentialsAfterACall() throws Exception {
		runtime.open(id).orElseThrow().poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);

		verify(accounts).updateCredentials(id, Map.of("access_token", "fresh"), Instant.parse("2030-01-01T02:00:00Z"));
	}

	@Test
	void pausesTheAccountWhenAuthorisationIsRevoked() {
		failure = new ConnectorException.AuthRevoked("X a révoqué l'accès de Vigie");

		assertThatThrownBy(() -> runtime.open(id).orElseThrow().poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START))
			.isInstanceOf(ConnectorException.AuthRevoked.class);
		verify(accounts).pause(id, Reason.words("X a révoqué l'accès de Vigie"));
	}

	@Test
	void doesNotPauseOnOtherFailures() {
		failure = new ConnectorException.Unavailable("503");

		assertThatThrownBy(() -> runtime.open(id).orElseThrow().poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START))
			.isInstanceOf(ConnectorException.Unavailable.class);
		verify(accounts, never()).pause(any(), any());
	}

	@Test
	void opensNothingForAnUnknownAccount() {
		assertThat(runtime.open(AccountId.generate())).isEmpty();
	}
}
