package org.vigie.inbox;

import java.util.Optional;
import java.util.Set;

import org.vigie.connectors.Capability;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;

/**
 * The connectors the inbox acts through: what each network allows, and a connector acting as one
 * of our accounts. Backed by the ingest module's {@link org.vigie.ingest.ConnectorRuntime}; a seam
 * so that tests can stand in for the networks.
 */
public interface AccountConnectors {

	/** What the network lets Vigie do; empty when no connector for it is installed. */
	Optional<Set<Capability>> capabilities(Network network);

	/**
	 * A connector acting as the account.
	 * @return empty if the account is unknown, disconnected, or its network has no connector
	 */
	Optional<SocialConnector> open(AccountId account);
}
