package org.vigie.inbox;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.vigie.connectors.Actions;
import org.vigie.connectors.Capability;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;

/** The connectors the inbox acts through: the primary {@link AccountConnectors} (tests may stand in for it). */
@Component
class Connections {

	private final AccountConnectors connectors;

	Connections(AccountConnectors connectors) {
		this.connectors = connectors;
	}

	Optional<Set<Capability>> capabilities(Network network) {
		return connectors.capabilities(network);
	}

	/** The reply, like, hide and delete actions of the account; empty if it cannot be opened or allows none. */
	Optional<Actions> actions(AccountId account) {
		return connectors.open(account).flatMap(c -> c.actions());
	}
}
