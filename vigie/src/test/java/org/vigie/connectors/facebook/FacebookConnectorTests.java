package org.vigie.connectors.facebook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.MetricValue;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.support.ApiReference;
import org.vigie.connectors.support.FakeHttp;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.MutableClock;
import org.vigie.shared.ItemKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FacebookConnectorTests {

	static final String PAGE = "104000000000001";

	static final String V = "/v26.0";

	final FakeHttp fake = new FakeHttp();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));

	@AfterEach
	void stop() {
		fake.close();
	}

	SocialConnector connector() {
		return new FacebookConnectorFactory(clock, JsonHttp.defaultClient())
			.open(new AccountCredentials("LaVigieTV", PAGE, fake.baseUrl(), Map.of("page_token", "PAGE-TOKEN"), null));
	}

	@Test
	void readsThePageFeedWithItsCountersAndFollowsPaging() throws Exception {
		fake.on("GET", V + "/" + PAGE + "/published_posts", ApiReference.text("facebook/samples/graph-page-feed.json"));
		Batch batch = connector().poll(Feed.of(Feed.Kind.OWN_POSTS), Cursor.START);
		assertThat(batch.items()).singleElement().satisfies(post -> {
			assertThat(post.externalId()).isEqualTo("104000000000001_122100000000000001");
			assertThat(post.kind()).isEqualTo(ItemKind.POST);
			assertThat(post.text()).startsWith("Ce soir 21h10");
			assertThat(post.metrics()).containsEntry("reactions", 340L).containsEntry("comments", 57L)
				.containsEntry("shares", 12L);
		});
		assertThat(batch.hasMore()).isTrue();
		assertThat(batch.next().value()).contains("QVFIUkpqeEdEMHFrc0JmZAlVxQm1xVHhjRUhPc2dnWmZA");
		FakeHttp.Request sent = fake.requests().get(0);
		assertThat(sent.header("Authorization")).isEqualTo("Bearer PAGE-TOKEN");
		assertThat(FakeHttp.param(sent, "since")).isEqualTo(Long.toString(Instant.parse("2026-11-18T00:00:00Z").getEpochSecond()));
	}

	@Test
	void readsCommentsInStreamOrderWithRepliesUnderTheirParent() throws Exception {
		fake.on("GET", V + "/" + PAGE + "/feed",
				"{\"data\":[{\"id\":\"122100000000000001\",\"updated_time\":\"2026-11-20T21:15:00+0000\"}]}");
		fake.on("GET", V + "/122100000000000001/comments", ApiReference.text("facebook/samples/graph-post-comments.json"));
		Batch batch = connector().poll(Feed.of(Feed.Kind.COMMENTS), Cursor.START);
		assertThat(batch.items()).hasSize(2);
		assertThat(batch.items().get(0).kind()).isEqualTo(ItemKind.COMMENT);
		assertThat(batch.items().get(0).author().displayName()).isEqualTo("Camille Martin");
		assertThat(batch.items().get(1).kind()).isEqualTo(ItemKind.REPLY);
		assertThat(batch.items().get(1).parentExternalId()).isEqualTo("122100000000000001_1200000000000001");
		assertThat(batch.items().get(1).fromUs()).isTrue();
		FakeHttp.Request comments = fake.requests().get(1);
		assertThat(FakeHttp.param(comments, "filter")).isEqualTo("stream");
		assertThat(FakeHttp.param(comments, "order")).isEqualTo("chronological");
		assertThat(batch.next().value()).isEqualTo(Long.toString(Instant.parse("2026-11-20T21:15:00Z").getEpochSecond()));
	}

	@Test
	void anExpiredTokenPausesTheAccount() {
		fake.on("GET", V + "/" + PAGE + "/published_posts",
				r -> FakeHttp.Response.status(400, ApiReference.text("facebook/samples/error-token-expired.json")));
		assertThatThrownBy(() -> connector().poll(Feed.of(Feed.Kind.OWN_POSTS), Cursor.START))
			.isInstanceOf(ConnectorException.AuthRevoked.class).hasMessageContaining("expired");
	}

	@Test
	void aThrottledPageWaitsForTheTimeMetaGives() {
		fake.on("GET", V + "/" + PAGE + "/published_posts", r -> new FakeHttp.Response(400,
				ApiReference.text("facebook/samples/error-rate-limited.json"), Map.of("X-Business-Use-Case-Usage",
						"{\"" + PAGE + "\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":20,\"total_time\":30,\"estimated_time_to_regain_access\":7}]}")));
		assertThatThrownBy(() -> connector().poll(Feed.of(Feed.Kind.OWN_POSTS), Cursor.START))
			.isInstanceOfSatisfying(ConnectorException.RateLimited.class,
					e -> assertThat(e.retryAt()).isEqualTo(clock.instant().plusSeconds(7 * 60)));
	}

	@Test
	void aRetiredMetricIsUnavailableWhileTheOthersAreRead() throws Exception {
		fake.on("GET", V + "/104000000000001_122100000000000001/insights", r -> {
			String metric = FakeHttp.param(r, "metric");
			if (metric.contains("post_impressions")) {
				return FakeHttp.Response.status(400, "{\"error\":{\"message\":\"(#100) The value must be a valid insights metric\","
						+ "\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"x\"}}");
			}
			return FakeHttp.Response.json(ApiReference.text("facebook/samples/graph-post-insights.json"));
		});
		List<MetricValue> values = connector().insights().orElseThrow().metrics("104000000000001_122100000000000001",
				List.of("post_reactions_by_type_total", "post_impressions", "post_total_media_view_unique"));
		assertThat(values).filteredOn(v -> v.name().equals("post_impressions")).singleElement()
			.satisfies(v -> {
				assertThat(v.available()).isFalse();
				assertThat(v.value()).isNull();
				assertThat(v.unavailableReason()).contains("valid insights metric");
			});
		assertThat(values).filteredOn(v -> v.name().equals("post_total_media_view_unique")).singleElement()
			.extracting(MetricValue::value).isEqualTo(15230L);
		assertThat(values).filteredOn(v -> v.name().equals("post_reactions_by_type_total.love")).singleElement()
			.extracting(MetricValue::value).isEqualTo(52L);
	}

	@Test
	void refusesAMessengerAnswerOutsideTheTwentyFourHourWindow() {
		fake.on("GET", V + "/m_abc", "{\"id\":\"m_abc\",\"created_time\":\"2026-11-19T10:00:00+0000\",\"from\":{\"id\":\"25000000000000001\"}}");
		fake.on("GET", V + "/" + PAGE + "/conversations", "{\"data\":[{\"id\":\"t_1\",\"messages\":{\"data\":["
				+ "{\"id\":\"m_abc\",\"created_time\":\"2026-11-19T10:00:00+0000\",\"from\":{\"id\":\"25000000000000001\"}}]}}]}");
		assertThatThrownBy(() -> connector().actions().orElseThrow().reply("m_abc", "Bonjour", "k1"))
			.isInstanceOf(ConnectorException.Rejected.class).hasMessageContaining("24 hours");
		assertThat(fake.requests()).noneMatch(r -> r.method().equals("POST"));
	}

	@Test
	void hidesAndRepliesThroughTheDocumentedEdges() throws Exception {
		fake.on("POST", V + "/122100000000000001_1200000000000001", ApiReference.text("facebook/samples/graph-hide-comment-response.json"));
		fake.on("GET", V + "/122100000000000001_1200000000000001/comments", "{\"data\":[]}");
		fake.on("POST", V + "/122100000000000001_1200000000000001/comments",
				ApiReference.text("facebook/samples/graph-create-comment-response.json"));
		var actions = connector().actions().orElseThrow();
		actions.hide("122100000000000001_1200000000000001", true);
		String id = actions.reply("122100000000000001_1200000000000001", "Merci Camille ! À 21h10 🙌", "k1");
		assertThat(id).isEqualTo("122100000000000001_1200000000000002");
		assertThat(fake.requests().get(0).body()).isEqualTo("is_hidden=true");
		assertThat(fake.requests().get(2).body()).startsWith("message=Merci%20Camille");
	}
}
