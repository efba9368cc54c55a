package org.vigie.connectors.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.accounts.AccountSecrets;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.ingest.ConnectorContractIT;
import org.vigie.ingest.Ingestion;
import org.vigie.shared.Network;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
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
		me = simUser(handle, "Contract " + handle, true);
		fan = simUser("fan_of_" + handle, "Fan", false);
		SimAuth.Issued tokens = tokens(me, Duration.ofHours(2), true);
		return connectAs(me, me.id(), Map.of("access_token", tokens.accessToken(), "refresh_token", tokens.refreshToken()),
				tokens.expiresAt());
	}

	@Override
	protected List<String> write(int count) {
		return mentions(fan, me, count, "message 😍", null).stream().map(SimPost::id).toList();
	}

	@Test
	void refreshesAnExpiredTokenAndStoresTheRotatedOne() {
		List<String> truth = write(3);
		String before = accounts.secrets(id()).values().get("refresh_token");
		simulator.auth().expireAll(Network.X, me.id(), clock.instant());
		clock.advance(Duration.ofSeconds(1));

		assertThat(ingestion.drain(id(), feed(), 5))
			.isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);

		assertThat(stored()).containsExactlyInAnyOrderElementsOf(truth);
		AccountSecrets after = accounts.secrets(id());
		assertThat(after.values().get("refresh_token")).isNotEqualTo(before);
		assertThat(after.expiresAt()).isAfter(clock.instant().plus(Duration.ofMinutes(100)));
	}

	@Test
	void refreshesATokenAboutToExpireBeforeCalling() {
		write(1);
		String before = accounts.secrets(id()).values().get("access_token");
		clock.advance(Duration.ofMinutes(117));

		assertThat(ingestion.drain(id(), feed(), 5))
			.isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);

		assertThat(accounts.secrets(id()).values().get("access_token")).isNotEqualTo(before);
		assertThat(accounts.find(id()).orElseThrow().tokenExpiresAt())
			.isAfter(clock.instant().plus(Duration.ofMinutes(100)));
	}

	@Override
	protected void revoke() {
		simulator.auth().revokeAll(Network.X, me.id());
	}
}
