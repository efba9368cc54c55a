package org.vigie.connectors.youtube;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.QuotaMeter;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.support.ApiReference;
import org.vigie.connectors.support.FakeHttp;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.MutableClock;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YouTubeConnectorTests {

	static final String CHANNEL = "UCvigie0000000000000000";

	final FakeHttp fake = new FakeHttp();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));

	final QuotaMeter quota = QuotaMeter.inMemory();

	@AfterEach
	void stop() {
		fake.close();
	}

	SocialConnector connector(Map<String, String> secrets, Instant expires) {
		return new YouTubeConnectorFactory(clock, JsonHttp.defaultClient(), quota)
			.open(new AccountCredentials("@LaVigieTV", CHANNEL, fake.baseUrl(), secrets, expires));
	}

	SocialConnector connector() {
		return connector(Map.of("access_token", "A"), null);
	}

	@Test
	void readsCommentThreadsWithRepliesAndCountsTheUnits() throws Exception {
		fake.on("GET", "/youtube/v3/commentThreads", ApiReference.text("youtube/samples/commentThreads.list.allThreadsRelatedToChannelId.json"));
		Batch batch = connector().poll(Feed.of(Feed.Kind.COMMENTS), Cursor.START);
		assertThat(batch.items()).hasSize(2);
		assertThat(batch.items().get(0).kind()).isEqualTo(ItemKind.COMMENT);
		assertThat(batch.items().get(0).text()).isEqualTo("Le teaser de l'épisode 12 😍");
		assertThat(batch.items().get(1).kind()).isEqualTo(ItemKind.REPLY);
		assertThat(batch.items().get(1).parentExternalId()).isEqualTo("UgzA1b2C3d4E5f6G7h8");
		assertThat(batch.items().get(1).fromUs()).isTrue();
		assertThat(batch.hasMore()).isTrue();
		FakeHttp.Request sent = fake.requests().get(0);
		assertThat(FakeHttp.param(sent, "allThreadsRelatedToChannelId")).isEqualTo(CHANNEL);
		assertThat(FakeHttp.param(sent, "order")).isEqualTo("time");
		YouTubeQuota q = new YouTubeQuota(quota, clock);
		assertThat(quota.spent(Network.YOUTUBE, "app", "units", q.dayStart())).isEqualTo(1);
		assertThat(q.dayStart()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
	}

	@Test
	void searchHasItsOwnBucketOfAHundredCalls() throws Exception {
		fake.on("GET", "/youtube/v3/search", ApiReference.text("youtube/samples/search.list.response.json"));
		YouTubeQuota q = new YouTubeQuota(quota, clock);
		quota.spend(Network.YOUTUBE, "app", "search", q.dayStart(), 99);
		Batch batch = connector().poll(Feed.search("La Vigie"), Cursor.START);
		assertThat(batch.items()).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(ItemKind.LISTENING_HIT));
		assertThatThrownBy(() -> connector().poll(Feed.search("La Vigie"), Cursor.START))
			.isInstanceOfSatisfying(ConnectorException.RateLimited.class,
					e -> assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z")));
		assertThat(fake.requests()).hasSize(1);
		assertThat(quota.spent(Network.YOUTUBE, "app", "units", q.dayStart())).isZero();
	}

	@Test
	void quotaExceededWaitsForMidnightPacific() {
		fake.on("GET", "/youtube/v3/commentThreads", r -> FakeHttp.Response.status(403, ApiReference.text("youtube/samples/error.quotaExceeded.json")));
		assertThatThrownBy(() -> connector().poll(Feed.of(Feed.Kind.COMMENTS), Cursor.START))
			.isInstanceOfSatisfying(ConnectorException.RateLimited.class,
					e -> assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z")));
	}

	@Test
	void refreshesAnExpiredTokenAndHandsBackTheNewCredentials() throws Exception {
		fake.on("POST", "/token", "{\"access_token\":\"NEW\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
		fake.on("GET", "/youtube/v3/commentThreads", r -> r.header("Authorization").equals("Bearer NEW")
				? FakeHttp.Response.json("{\"items\":[]}")
				: FakeHttp.Response.status(401, ApiReference.text("youtube/samples/error.authError.json")));
		SocialConnector c = connector(Map.of("access_token", "OLD", "refresh_token", "R", "client_id", "cid",
				"client_secret", "cs"), clock.instant().minusSeconds(10));
		c.poll(Feed.of(Feed.Kind.COMMENTS), Cursor.START);
		assertThat(c.renewedCredentials()).hasValueSatisfying(cr -> {
			assertThat(cr.secret("access_token")).isEqualTo("NEW");
			assertThat(cr.secret("refresh_token")).isEqualTo("R");
			assertThat(cr.expiresAt()).isEqualTo(clock.instant().plusSeconds(3599));
		});
		assertThat(fake.requests().get(0).body()).contains("grant_type=refresh_token").contains("client_id=cid");
	}

	@Test
	void aRevokedTokenPausesTheChannel() {
		fake.on("GET", "/youtube/v3/commentThreads", r -> FakeHttp.Response.status(401, ApiReference.text("youtube/samples/error.authError.json")));
		assertThatThrownBy(() -> connector().poll(Feed.of(Feed.Kind.COMMENTS), Cursor.START))
			.isInstanceOf(ConnectorException.AuthRevoked.class);
	}

	@Test
	void repliesInTheThreadOfAReplyAndCostsFiftyUnits() throws Exception {
		fake.on("POST", "/youtube/v3/comments", ApiReference.text("youtube/samples/comments.insert.reply.response.json"));
		String id = connector().actions().orElseThrow().reply("UgzA1b2C3d4E5f6G7h8.9zYxWvUtSrQ", "Merci Camille !", "k");
		assertThat(id).isEqualTo("UgzA1b2C3d4E5f6G7h8.9zYxWvUtSrQ");
		assertThat(fake.requests().get(0).body()).contains("\"parentId\":\"UgzA1b2C3d4E5f6G7h8\"");
		assertThat(quota.spent(Network.YOUTUBE, "app", "units", new YouTubeQuota(quota, clock).dayStart())).isEqualTo(50);
	}
}
