package org.vigie.connectors.mastodon;

import java.util.List;
import java.util.Map;

import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.ingest.ConnectorContractIT;
import org.vigie.shared.Network;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimUser;

/** Mastodon passes the connector contract against the simulated instance, through mention notifications. */
class MastodonConnectorContractIT extends ConnectorContractIT {

	private SimUser me;

	private SimUser fan;

	@Override
	protected Network network() {
		return Network.MASTODON;
	}

	@Override
	protected Feed feed() {
		return Feed.of(Feed.Kind.MENTIONS);
	}

	@Override
	protected int pageSize() {
		return MastodonConnector.PAGE;
	}

	@Override
	protected SocialAccount connect(String handle) {
		me = simUser(handle, "Contract " + handle, true);
		fan = simUser("fan_of_" + handle, "Fan", false);
		SimAuth.Issued tokens = tokens(me, null, false);
		return connectAs(me, me.id(), Map.of("access_token", tokens.accessToken()), null);
	}

	@Override
	protected List<String> write(int count) {
		return mentions(fan, me, count, "pouet 🐘", null).stream().map(SimPost::id).toList();
	}

	@Override
	protected void revoke() {
		simulator.auth().revokeAll(Network.MASTODON, me.id());
	}
}
