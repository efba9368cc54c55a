package org.vigie.connectors;

import org.vigie.shared.Network;

/**
 * Connects an account from a form, without a browser redirect: Bluesky's handle and app password,
 * an RSS/Atom feed's address. One bean per network that connects this way (networks with an OAuth
 * flow have an {@link AccountAuthorizer} instead). The check is done against the network itself
 * (a session is opened, the feed is fetched and parsed), so that a wrong value is refused in
 * words before anything is stored. Thread-safe.
 */
public interface AccountSignIn {

	Network network();

	/**
	 * Checks what the person typed and says who the account is.
	 * @param server the server (a Bluesky PDS); empty for the network's default or when the identifier is a URL
	 * @param identifier the handle, or the feed's address
	 * @param secret the app password; empty where the network needs none
	 * @return the identity and the secrets to store encrypted
	 * @throws ConnectorException.AuthRevoked if the network refuses the identifier or the secret
	 * @throws ConnectorException.Rejected if what was typed cannot be an account of this network (not a feed…)
	 * @throws ConnectorException.Unavailable if the network cannot be reached
	 */
	ConnectedIdentity signIn(String server, String identifier, String secret) throws ConnectorException;
}
