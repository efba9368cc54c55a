package org.vigie.connectors.x;

import java.time.Duration;
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

/** X passes the connector contract against the simulator's X API v2, through mentions. */
class XConnectorContractIT extends ConnectorContractIT {

	private SimUser me;

	private SimUser fan;

	@Override
	protected Network network() {
		return Network.X;
	}

	@Override
	protected Feed feed() {
		return Feed.of(Feed.Kind.MENTIONS);
	}

	@Override
	protected int pageSize() {
		return XConnectorFactory.PAGE_SIZE;
	}

	@Override
	protected SocialAccount connect(String handle) {
		me = simulator.world().addUser(Network.X, handle, "Contract " + handle, 1000, true, "fr");
		fan = simulator.world().addUser(Network.X, "fan_of_" + handle, "Fan", 10, false, "fr");
		SimAuth.Issued tokens = simulator.auth().issue(Network.X, me.id(), Duration.ofHours(2), true, clock.instant());
		return accounts.connect(new NewAccount(null, Network.X, handle, me.id(), me.name(),
				simulator.baseUrl(Network.X), Map.of("access_token", tokens.accessToken(), "refresh_token", tokens.refreshToken()),
				tokens.expiresAt()));
	}

	@Override
	protected List<String> write(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(simulator.world()
				.post(Network.X, fan, "@" + me.handle() + " message " + i + " 😍 #Contrat", clock.instant(), null, null, "fr", null)
				.id());
		}
		return ids;
	}

	@Override
	protected void revoke() {
		simulator.auth().revokeAll(Network.X, me.id());
	}
}
