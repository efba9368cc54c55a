package org.vigie.connectors;

import java.util.List;

import org.vigie.shared.Network;

/**
 * Connects an account with its network's own authorisation flow (OAuth 2.0 with PKCE for X, app
 * registration then OAuth for Mastodon…). One bean per network that has such a flow. The web
 * layer keeps the {@link AuthorizationRequest} in the session between {@link #start} and
 * {@link #finish}. Thread-safe.
 */
public interface AccountAuthorizer {

	Network network();

	/**
	 * Prepares an authorisation: registers an app where the network needs one, makes the state and
	 * the PKCE verifier, and says where to send the browser.
	 * @param server the API base or instance (e.g. {@code https://mastodon.social}); empty for the network's default
	 * @param redirectUri Vigie's callback, as registered with the network
	 * @throws ConnectorException if the server cannot be reached or refuses to register Vigie
	 */
	AuthorizationRequest start(String server, String redirectUri) throws ConnectorException;

	/**
	 * Exchanges the code the network sent to the callback for tokens, and reads who the account is.
	 * @throws ConnectorException.Rejected if the code is invalid or expired
	 */
	ConnectedIdentity finish(AuthorizationRequest request, String code) throws ConnectorException;

	/**
	 * True when one authorisation may give access to several accounts, for the person to pick from
	 * {@link #finishAll} (Facebook Login: Pages and their Instagram accounts).
	 */
	default boolean picks() {
		return false;
	}

	/**
	 * Exchanges the code and lists every account it gives access to; by default the one
	 * {@link #finish} reads.
	 * @throws ConnectorException.Rejected if the code is invalid or expired
	 */
	default List<FoundAccount> finishAll(AuthorizationRequest request, String code) throws ConnectorException {
		return List.of(new FoundAccount(network(), finish(request, code), null, ""));
	}

	/**
	 * Called once the person has connected an account this authorisation found, for what the
	 * network needs then (Facebook: subscribe the Page to the app's webhooks). Never fails the
	 * connection: problems are logged.
	 */
	default void connected(FoundAccount account) {
	}
}
