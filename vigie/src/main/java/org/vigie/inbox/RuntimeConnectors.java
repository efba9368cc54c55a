package org.vigie.inbox;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.SocialConnector;
import org.vigie.ingest.ConnectorRuntime;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;

/** {@link AccountConnectors} through the connector runtime: stored accounts, decrypted credentials, renewed tokens kept. */
@Component
class RuntimeConnectors implements AccountConnectors {

	private final ConnectorRuntime runtime;

	RuntimeConnectors(ConnectorRuntime runtime) {
		this.runtime = runtime;
	}

	@Override
	public Optional<Set<Capability>> capabilities(Network network) {
		return runtime.factory(network).map(ConnectorFactory::capabilities);
	}

	@Override
	public Optional<SocialConnector> open(AccountId account) {
		try {
			return runtime.open(account);
		}
		catch (IllegalArgumentException e) {
			// Credentials that do not decrypt or lack a secret: the account cannot act until reconnected.
			return Optional.empty();
		}
	}
}
