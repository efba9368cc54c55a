package org.vigie.inbox;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.vigie.connectors.Actions;
import org.vigie.shared.AccountId;

/** The actions of an account's connector, when some module provides {@link AccountConnectors}. */
@Component
class Connections {

	private final ObjectProvider<AccountConnectors> connectors;

	Connections(ObjectProvider<AccountConnectors> connectors) {
		this.connectors = connectors;
	}

	/** The reply, like, hide and delete actions of the account; empty if it cannot be opened or allows none. */
	Optional<Actions> actions(AccountId account) {
		AccountConnectors available = connectors.getIfAvailable();
		if (available == null) {
			return Optional.empty();
		}
		return available.open(account).flatMap(c -> c.actions());
	}
}
