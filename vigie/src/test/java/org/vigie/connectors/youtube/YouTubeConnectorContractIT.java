package org.vigie.connectors.youtube;

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

/** YouTube passes the connector contract against the simulator's Data API v3, through the channel's comment threads. */
class YouTubeConnectorContractIT extends ConnectorContractIT {

	private SimUser channel;

	private SimUser fan;

	private SimPost video;

	@Override
	protected Network network() {
		return Network.YOUTUBE;
	}

	@Override
	protected Feed feed() {
		return Feed.of(Feed.Kind.COMMENTS);
	}

	@Override
	protected int pageSize() {
		return 100;
	}

	@Override
	protected SocialAccount connect(String handle) {
		channel = simulator.world().addUser(Network.YOUTUBE, handle, "Chaîne " + handle, 30_000, true, "fr");
		fan = simulator.world().addUser(Network.YOUTUBE, "fan_of_" + handle, "Fan", 10, false, "fr");
		video = simulator.world().post(Network.YOUTUBE, channel, "Le teaser de l'épisode 12", clock.instant().minusSeconds(3600),
				null, null, "fr", null);
		SimAuth.Issued tokens = simulator.auth().issue(Network.YOUTUBE, channel.id(), Duration.ofHours(1), true, clock.instant());
		return accounts.connect(new NewAccount(null, Network.YOUTUBE, handle, channel.id(), channel.name(),
				simulator.baseUrl(Network.YOUTUBE), Map.of("access_token", tokens.accessToken(), "refresh_token",
						tokens.refreshToken(), "client_id", "sim-google-client", "client_secret", "sim-google-secret"),
				tokens.expiresAt()));
	}

	@Override
	protected List<String> write(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			SimPost c = simulator.world().post(Network.YOUTUBE, fan, "Trop hâte de voir la suite " + i + " 😍", clock.instant(),
					video, null, "fr", null);
			ids.add("Ug" + Long.toString(c.number(), 36));
		}
		return ids;
	}

	@Override
	protected void breakItem(String externalId) {
		simulator.world().breakPost(Network.YOUTUBE, Long.toString(Long.parseLong(externalId.substring(2), 36)));
	}

	@Override
	protected void revoke() {
		simulator.auth().revokeAll(Network.YOUTUBE, channel.id());
	}
}
