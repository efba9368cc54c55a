package org.vigie.connectors.instagram;

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

/** Instagram passes the connector contract against the simulator's Graph API, through media that tag the account. */
class InstagramConnectorContractIT extends ConnectorContractIT {

	private SimUser me;

	private SimUser fan;

	@Override
	protected Network network() {
		return Network.INSTAGRAM;
	}

	@Override
	protected Feed feed() {
		return Feed.of(Feed.Kind.MENTIONS);
	}

	@Override
	protected int pageSize() {
		return InstagramConnector.PAGE_SIZE;
	}

	@Override
	protected SocialAccount connect(String handle) {
		me = simulator.world().addUser(Network.INSTAGRAM, handle, "IG " + handle, 20_000, true, "fr");
		fan = simulator.world().addUser(Network.INSTAGRAM, "fan_of_" + handle, "Fan", 10, false, "fr");
		SimAuth.Issued token = simulator.auth().issue(Network.INSTAGRAM, me.id(), null, false, clock.instant());
		return accounts.connect(new NewAccount(null, Network.INSTAGRAM, handle, me.id(), me.name(),
				simulator.baseUrl(Network.INSTAGRAM), Map.of("page_token", token.accessToken()), null));
	}

	@Override
	protected List<String> write(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(simulator.world()
				.post(Network.INSTAGRAM, fan, "Soirée devant la série avec @" + me.handle() + " " + i + " 📺", clock.instant(),
						null, null, "fr", null)
				.id());
		}
		return ids;
	}

	@Override
	protected void revoke() {
		simulator.auth().revokeAll(Network.INSTAGRAM, me.id());
	}
}
