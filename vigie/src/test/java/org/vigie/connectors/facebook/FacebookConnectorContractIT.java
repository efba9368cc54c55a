package org.vigie.connectors.facebook;

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

/** Facebook Pages pass the connector contract against the simulator's Graph API, through visitor posts. */
class FacebookConnectorContractIT extends ConnectorContractIT {

	private SimUser page;

	private SimUser fan;

	@Override
	protected Network network() {
		return Network.FACEBOOK;
	}

	@Override
	protected Feed feed() {
		return Feed.of(Feed.Kind.MENTIONS);
	}

	@Override
	protected int pageSize() {
		return FacebookConnector.PAGE_SIZE;
	}

	@Override
	protected SocialAccount connect(String handle) {
		page = simulator.world().addUser(Network.FACEBOOK, handle, "Page " + handle, 50_000, true, "fr");
		fan = simulator.world().addUser(Network.FACEBOOK, "fan_of_" + handle, "Fan", 10, false, "fr");
		// Page tokens obtained from a long-lived user token do not expire.
		SimAuth.Issued token = simulator.auth().issue(Network.FACEBOOK, page.id(), null, false, clock.instant());
		return accounts.connect(new NewAccount(null, Network.FACEBOOK, handle, page.id(), page.name(),
				simulator.baseUrl(Network.FACEBOOK), Map.of("page_token", token.accessToken()), null));
	}

	@Override
	protected List<String> write(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(page.id() + "_" + simulator.world()
				.post(Network.FACEBOOK, fan, "@" + page.handle() + " vous rediffusez l'épisode " + i + " ?", clock.instant(),
						null, null, "fr", null)
				.id());
		}
		return ids;
	}

	@Override
	protected void breakItem(String externalId) {
		simulator.world().breakPost(Network.FACEBOOK, externalId.substring(externalId.lastIndexOf('_') + 1));
	}

	@Override
	protected void revoke() {
		simulator.auth().revokeAll(Network.FACEBOOK, page.id());
	}
}
