package org.vigie.connectors.bluesky;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.ingest.ConnectorContractIT;
import org.vigie.shared.Network;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.bluesky.BlueskyFake;

/** Bluesky passes the connector contract against the simulator's XRPC fake, through notifications. */
class BlueskyConnectorContractIT extends ConnectorContractIT {

	@Autowired
	private BlueskyFake fake;

	private final Map<String, String> simIds = new ConcurrentHashMap<>();

	private SimUser me;

	private SimUser fan;

	@Override
	protected Network network() {
		return Network.BLUESKY;
	}

	@Override
	protected Feed feed() {
		return Feed.of(Feed.Kind.MENTIONS);
	}

	@Override
	protected int pageSize() {
		return BlueskySettings.DEFAULTS.pageSize();
	}

	@Override
	protected SocialAccount connect(String handle) {
		me = simUser(handle, "Contract " + handle, true);
		fan = simUser("fan-of-" + handle, "Fan", false);
		String appPassword = fake.createAppPassword(me);
		SimAuth.Issued session = tokens(me, Duration.ofHours(2), true);
		return connectAs(me, BlueskyFake.did(me),
				Map.of(BlueskySession.APP_PASSWORD, appPassword, BlueskySession.ACCESS_TOKEN, session.accessToken(),
						BlueskySession.REFRESH_TOKEN, session.refreshToken(), BlueskySession.DID, BlueskyFake.did(me)),
				session.expiresAt());
	}

	@Override
	protected List<String> write(int count) {
		List<String> uris = new ArrayList<>();
		for (SimPost post : mentions(fan, me, count, "message 😍", null)) {
			String uri = BlueskyFake.uri(post);
			simIds.put(uri, post.id());
			uris.add(uri);
		}
		return uris;
	}

	@Override
	protected void breakItem(String externalId) {
		simulator.world().breakPost(Network.BLUESKY, simIds.get(externalId));
	}

	@Override
	protected void revoke() {
		fake.revokeAppPasswords(me);
	}
}
