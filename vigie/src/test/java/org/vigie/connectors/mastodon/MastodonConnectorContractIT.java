package org.vigie.connectors.mastodon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vigie.accounts.NewAccount;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.ingest.ConnectorContractIT;
import org.vigie.shared.Network;
import org.vigie.simulator.SimAuth;
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
		me = simulator.world().addUser(Network.MASTODON, handle, "Contract " + handle, 1000, true, "fr");
		fan = simulator.world().addUser(Network.MASTODON, "fan_of_" + handle, "Fan", 10, false, "fr");
		SimAuth.Issued tokens = simulator.auth().issue(Network.MASTODON, me.id(), null, false, clock.instant());
		return accounts.connect(new NewAccount(null, Network.MASTODON, handle, me.id(), me.name(),
				simulator.baseUrl(Network.MASTODON), Map.of("access_token", tokens.accessToken()), null));
	}

	@Override
	protected List<String> write(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(simulator.world()
				.post(Network.MASTODON, fan, "@" + me.handle() + " pouet " + i + " 🐘 #Contrat", clock.instant(), null, null,
						"fr", null)
				.id());
		}
		return ids;
	}

	@Override
	protected void revoke() {
		simulator.auth().revokeAll(Network.MASTODON, me.id());
	}
}
