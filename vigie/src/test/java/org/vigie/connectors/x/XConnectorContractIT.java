package org.vigie.connectors.x;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.ingest.ConnectorContractIT;
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

	@org.junit.jupiter.api.Test
	void refreshesAnExpiredTokenAndStoresTheRotatedOne() {
		List<String> truth = write(3);
		String before = accounts.secrets(id()).values().get("refresh_token");
		simulator.auth().expireAll(Network.X, me.id(), clock.instant());
		clock.advance(Duration.ofSeconds(1));

		org.assertj.core.api.Assertions.assertThat(ingestion.drain(id(), feed(), 5))
			.isEqualTo(org.vigie.ingest.Ingestion.PollOutcome.CAUGHT_UP);

		org.assertj.core.api.Assertions.assertThat(stored()).containsExactlyInAnyOrderElementsOf(truth);
		org.vigie.accounts.AccountSecrets after = accounts.secrets(id());
		org.assertj.core.api.Assertions.assertThat(after.values().get("refresh_token")).isNotEqualTo(before);
		org.assertj.core.api.Assertions.assertThat(after.expiresAt()).isAfter(clock.instant().plus(Duration.ofMinutes(100)));
	}

	@org.junit.jupiter.api.Test
	void refreshesATokenAboutToExpireBeforeCalling() {
		write(1);
		String before = accounts.secrets(id()).values().get("access_token");
		clock.advance(Duration.ofMinutes(117));

		org.assertj.core.api.Assertions.assertThat(ingestion.drain(id(), feed(), 5))
			.isEqualTo(org.vigie.ingest.Ingestion.PollOutcome.CAUGHT_UP);

		org.assertj.core.api.Assertions.assertThat(accounts.secrets(id()).values().get("access_token")).isNotEqualTo(before);
		org.assertj.core.api.Assertions.assertThat(accounts.find(id()).orElseThrow().tokenExpiresAt())
			.isAfter(clock.instant().plus(Duration.ofMinutes(100)));
	}

	@Override
	protected void revoke() {
		simulator.auth().revokeAll(Network.X, me.id());
	}
}
