package org.vigie.connectors;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

import org.vigie.shared.Network;

/**
 * An authorisation in progress, kept in the person's session until the network calls back.
 *
 * @param authorizeUrl where to send the browser
 * @param state the anti-forgery value the callback must bring back
 * @param server the API base or instance the account lives on
 * @param redirectUri the callback given to the network (the token exchange must repeat it)
 * @param secrets what the exchange needs later (PKCE verifier, client id and secret); never shown
 */
public record AuthorizationRequest(Network network, String authorizeUrl, String state, String server,
		String redirectUri, Map<String, String> secrets) implements Serializable {

	public AuthorizationRequest {
		Objects.requireNonNull(network, "network");
		Objects.requireNonNull(authorizeUrl, "authorizeUrl");
		Objects.requireNonNull(state, "state");
		secrets = Map.copyOf(secrets);
	}

	public String secret(String name) {
		return secrets.getOrDefault(name, "");
	}

	@Override
	public String toString() {
		return "AuthorizationRequest[" + network + " " + server + "]";
	}
}
