package org.vigie.connectors.bluesky;

import org.springframework.stereotype.Component;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.AccountSignIn;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;

/**
 * Connects a Bluesky account with its handle (or DID, or e-mail) and an app password
 * ({@code xxxx-xxxx-xxxx-xxxx}, created in Bluesky's Settings → Privacy and security → App
 * passwords; tick "allow access to your direct messages" for DMs): opens a session on the PDS and
 * stores the DID, the app password and the session tokens, which the connector refreshes.
 */
@Component
class BlueskySignIn implements AccountSignIn {

	private final BlueskyConnectorFactory factory;

	BlueskySignIn(BlueskyConnectorFactory factory) {
		this.factory = factory;
	}

	@Override
	public Network network() {
		return Network.BLUESKY;
	}

	@Override
	public ConnectedIdentity signIn(String server, String identifier, String secret) throws ConnectorException {
		if (identifier.isBlank() || secret.isBlank()) {
			throw new ConnectorException.Rejected("A Bluesky account needs its handle and an app password",
					Reason.of("connectors.bluesky.sign-in-incomplete"));
		}
		AccountCredentials session = factory.signIn(server, identifier, secret);
		String handle = identifier.strip().replaceFirst("^@", "");
		String did = session.externalId() != null ? session.externalId() : handle;
		return new ConnectedIdentity(handle, did, handle, session.baseUrl(), session.secrets(), session.expiresAt());
	}
}
