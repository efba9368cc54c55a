package org.vigie.inbox;

import java.util.Optional;

import org.vigie.connectors.SocialConnector;
import org.vigie.shared.AccountId;

/**
 * Opens the connector of one of our accounts, with its decrypted credentials, for the inbox's
 * replies and actions. Implemented by the module that owns connections (ingest).
 */
public interface AccountConnectors {

	/**
	 * A connector acting as the account.
	 * @return empty if the account is unknown, disconnected, or its network has no connector
	 */
	Optional<SocialConnector> open(AccountId account);
}
