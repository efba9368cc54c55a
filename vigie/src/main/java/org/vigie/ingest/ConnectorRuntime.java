package org.vigie.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.vigie.accounts.AccountSecrets;
import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Actions;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.Insights;
import org.vigie.connectors.Publisher;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;

/**
 * Opens connectors for stored accounts: picks the {@link ConnectorFactory} of the account's
 * network, decrypts its credentials, and returns a connector that, after every call (poll, action,
 * publish), stores {@link SocialConnector#renewedCredentials() renewed credentials} encrypted and
 * pauses the account when the network says its authorisation is revoked. The inbox uses it to
 * reply, like, hide and delete; the publisher to publish. Thread-safe; the connectors it returns
 * are not (one caller at a time).
 */
@Service
public class ConnectorRuntime {

	private static final Logger log = LoggerFactory.getLogger(ConnectorRuntime.class);

	private final Accounts accounts;

	private final Map<Network, ConnectorFactory> factories;

	ConnectorRuntime(Accounts accounts, List<ConnectorFactory> factories) {
		this.accounts = accounts;
		this.factories = factories.stream()
			.collect(Collectors.toUnmodifiableMap(ConnectorFactory::network, Function.identity(), (a, b) -> {
				throw new IllegalStateException("Two connector factories for " + a.network());
			}));
	}

	/** The factory of a network, if a connector for it is installed. */
	public Optional<ConnectorFactory> factory(Network network) {
		return Optional.ofNullable(factories.get(network));
	}

	/**
	 * A connector acting as the account, or empty when the account is unknown, disconnected, or
	 * its network has no connector. A paused account still opens (so a person can test it); its
	 * polling is what stops.
	 * @throws IllegalArgumentException if its credentials do not decrypt or lack what the network needs
	 */
	public Optional<SocialConnector> open(AccountId id) {
		Optional<SocialAccount> found = accounts.find(id);
		if (found.isEmpty() || found.get().status() == AccountStatus.DISCONNECTED) {
			return Optional.empty();
		}
		SocialAccount account = found.get();
		ConnectorFactory factory = factories.get(account.network());
		if (factory == null) {
			return Optional.empty();
		}
		AccountSecrets secrets = accounts.secrets(id);
		String baseUrl = account.baseUrl() != null && !account.baseUrl().isBlank() ? account.baseUrl()
				: factory.defaultBaseUrl();
		AccountCredentials credentials = new AccountCredentials(account.handle(), account.externalId(), baseUrl,
				secrets.values(), secrets.expiresAt());
		return Optional.of(new Persisting(id, factory.open(credentials)));
	}

	void store(AccountId id, SocialConnector connector) {
		connector.renewedCredentials().ifPresent(renewed -> {
			accounts.updateCredentials(id, renewed.secrets(), renewed.expiresAt());
			log.debug("Stored renewed credentials of account {}", id);
		});
	}

	void pauseIfRevoked(AccountId id, ConnectorException e) {
		if (e instanceof ConnectorException.AuthRevoked) {
			accounts.pause(id, e.reason());
		}
	}

	@FunctionalInterface
	private interface Call<T> {

		T run() throws ConnectorException;
	}

	/** Delegates to the network's connector and keeps the stored credentials and status in step. */
	private final class Persisting implements SocialConnector {

		private final AccountId id;

		private final SocialConnector delegate;

		Persisting(AccountId id, SocialConnector delegate) {
			this.id = id;
			this.delegate = delegate;
		}

		<T> T call(Call<T> call) throws ConnectorException {
			try {
				return call.run();
			}
			catch (ConnectorException e) {
				pauseIfRevoked(id, e);
				throw e;
			}
			finally {
				store(id, delegate);
			}
		}

		@Override
		public Batch poll(Feed feed, Cursor cursor) throws ConnectorException {
			return call(() -> delegate.poll(feed, cursor));
		}

		@Override
		public Optional<AccountCredentials> renewedCredentials() {
			return delegate.renewedCredentials();
		}

		@Override
		public Optional<RemoteItem> lookup(String reference) throws ConnectorException {
			return call(() -> delegate.lookup(reference));
		}

		@Override
		public Optional<Actions> actions() {
			return delegate.actions().map(actions -> new Actions() {

				@Override
				public String reply(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
					return call(() -> actions.reply(inReplyTo, text, idempotencyKey));
				}

				@Override
				public void like(String externalId) throws ConnectorException {
					call(() -> {
						actions.like(externalId);
						return null;
					});
				}

				@Override
				public void hide(String externalId, boolean hidden) throws ConnectorException {
					call(() -> {
						actions.hide(externalId, hidden);
						return null;
					});
				}

				@Override
				public void delete(String externalId) throws ConnectorException {
					call(() -> {
						actions.delete(externalId);
						return null;
					});
				}
			});
		}

		@Override
		public Optional<Insights> insights() {
			return delegate.insights().map(insights -> (object, metrics) -> call(() -> insights.metrics(object, metrics)));
		}

		@Override
		public Optional<Publisher> publisher() {
			return delegate.publisher().map(publisher -> new Publisher() {

				@Override
				public String publish(String text, List<String> mediaUrls, String idempotencyKey)
						throws ConnectorException {
					return call(() -> publisher.publish(text, mediaUrls, idempotencyKey));
				}

				@Override
				public Optional<String> findPublished(String text, String idempotencyKey) throws ConnectorException {
					return call(() -> publisher.findPublished(text, idempotencyKey));
				}
			});
		}
	}
}
