package org.vigie.connectors.reddit;

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
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimUser;

/** Reddit passes the connector contract against the simulator's OAuth API, through username mentions. */
class RedditConnectorContractIT extends ConnectorContractIT {

	private SimUser me;

	private SimUser fan;

	@Override
	protected Network network() {
		return Network.REDDIT;
	}

	@Override
	protected Feed feed() {
		return Feed.of(Feed.Kind.MENTIONS);
	}

	@Override
	protected int pageSize() {
		return 100;
	}

	@Override
	protected SocialAccount connect(String handle) {
		me = simulator.world().addUser(Network.REDDIT, handle, handle, 500, true, "fr");
		fan = simulator.world().addUser(Network.REDDIT, "fan_of_" + handle, "fan", 10, false, "fr");
		SimAuth.Issued tokens = simulator.auth().issue(Network.REDDIT, me.id(), Duration.ofHours(24), true, clock.instant());
		return accounts.connect(new NewAccount(null, Network.REDDIT, handle, "t2_" + me.id(), handle,
				simulator.baseUrl(Network.REDDIT), Map.of("access_token", tokens.accessToken(), "refresh_token",
						tokens.refreshToken(), "client_id", "sim-reddit-client-" + handle, "client_secret", "sim-reddit-secret"),
				tokens.expiresAt()));
	}

	@Override
	protected List<String> write(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			SimPost p = simulator.world().post(Network.REDDIT, fan, "@" + me.handle() + " vous repassez la saison " + i + " quand ?",
					clock.instant(), null, null, "fr", null);
			ids.add("t3_" + Long.toString(p.number(), 36));
		}
		return ids;
	}

	@Override
	protected void breakItem(String externalId) {
		simulator.world().breakPost(Network.REDDIT, Long.toString(Long.parseLong(externalId.substring(3), 36)));
	}

	@Override
	protected void revoke() {
		simulator.auth().revokeAll(Network.REDDIT, me.id());
	}
}
