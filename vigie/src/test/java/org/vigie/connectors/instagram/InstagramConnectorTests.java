package org.vigie.connectors.instagram;

import java.time.Duration;
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
import org.vigie.connectors.QuotaMeter;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.support.ApiReference;
import org.vigie.connectors.support.FakeHttp;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.MutableClock;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class InstagramConnectorTests {

	static final String IG = "17841400000000001";

	static final String V = "/v26.0";

	final FakeHttp fake = new FakeHttp();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));

	final QuotaMeter quota = QuotaMeter.inMemory();

	@AfterEach
	void stop() {
		fake.close();
	}

	SocialConnector connector() {
		return new InstagramConnectorFactory(clock, JsonHttp.defaultClient(), quota)
			.open(new AccountCredentials("lavigie.tv", IG, fake.baseUrl(), Map.of("page_token", "T"), null));
	}

	@Test
	void readsCommentsAndTheirRepliesOnOwnMedia() throws Exception {
		fake.on("GET", V + "/" + IG + "/media", "{\"data\":[{\"id\":\"18000000000000001\",\"timestamp\":\"2026-11-20T20:00:00+0000\",\"comments_count\":2}]}");
		fake.on("GET", V + "/18000000000000001/comments", r -> FakeHttp.param(r, "after").isEmpty()
				? FakeHttp.Response.json(ApiReference.text("instagram/samples/graph-media-comments.json"))
				: FakeHttp.Response.json("{\"data\":[]}"));
		Batch batch = connector().poll(Feed.of(Feed.Kind.COMMENTS), Cursor.START);
		assertThat(batch.items()).extracting(i -> i.externalId()).containsExactly("17900000000000001", "17900000000000002");
		assertThat(batch.items().get(0).kind()).isEqualTo(ItemKind.COMMENT);
		assertThat(batch.items().get(0).author().handle()).isEqualTo("camille.tv");
		assertThat(batch.items().get(1).kind()).isEqualTo(ItemKind.REPLY);
		assertThat(batch.items().get(1).parentExternalId()).isEqualTo("17900000000000001");
		assertThat(batch.items().get(1).conversationExternalId()).isEqualTo("18000000000000001");
	}

	@Test
	void searchesAHashtagOnceAndKeepsItsIdInTheCursor() throws Exception {
		fake.on("GET", V + "/ig_hashtag_search", ApiReference.text("instagram/samples/graph-hashtag-search.json"));
		fake.on("GET", V + "/17843853986012965/recent_media", "{\"data\":[{\"id\":\"18000000000000100\",\"caption\":\"Soirée #LaVigie\",\"media_type\":\"IMAGE\",\"permalink\":\"https://www.instagram.com/p/Cexample01/\",\"timestamp\":\"2026-11-20T21:30:00+0000\"}]}");
		SocialConnector c = connector();
		Batch first = c.poll(Feed.search("#LaVigie"), Cursor.START);
		assertThat(first.items()).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(ItemKind.LISTENING_HIT));
		c.poll(Feed.search("#LaVigie"), first.next());
		assertThat(fake.requests()).filteredOn(r -> r.path().endsWith("ig_hashtag_search")).hasSize(1);
		assertThat(quota.used(Network.INSTAGRAM, IG, "hashtags", clock.instant().minus(Duration.ofDays(7))))
			.containsOnlyKeys("lavigie");
	}

	@Test
	void refusesAThirtyFirstHashtagWithinSevenDaysBeforeAskingInstagram() {
		for (int i = 0; i < 30; i++) {
			quota.use(Network.INSTAGRAM, IG, "hashtags", "tag" + i, clock.instant(), clock.instant().minus(Duration.ofDays(7)));
		}
		assertThatThrownBy(() -> connector().poll(Feed.search("#nouveau"), Cursor.START))
			.isInstanceOf(ConnectorException.Rejected.class).hasMessageContaining("30");
		assertThat(fake.requests()).isEmpty();
		clock.advance(Duration.ofDays(7).plusSeconds(1));
		fake.on("GET", V + "/ig_hashtag_search", ApiReference.text("instagram/samples/graph-hashtag-search.json"));
		fake.on("GET", V + "/17843853986012965/recent_media", "{\"data\":[]}");
		assertThatCode(() -> connector().poll(Feed.search("#nouveau"), Cursor.START))
			.doesNotThrowAnyException();
	}

	@Test
	void theHashtagLimitErrorOfInstagramIsARejection() {
		fake.on("GET", V + "/ig_hashtag_search", r -> FakeHttp.Response.status(400, ApiReference.text("instagram/samples/error-hashtag-limit.json")));
		assertThatThrownBy(() -> connector().poll(Feed.search("#autre"), Cursor.START))
			.isInstanceOf(ConnectorException.Rejected.class).hasMessageContaining("30 unique hashtags");
	}

	@Test
	void aReplacedMetricIsUnavailableAndTheOthersAreRead() throws Exception {
		fake.on("GET", V + "/18000000000000001/insights", r -> FakeHttp.param(r, "metric").contains("impressions")
				? FakeHttp.Response.status(400, "{\"error\":{\"message\":\"(#100) metric[0] must be one of the following values: reach, views, likes, comments, shares, saved, total_interactions\",\"type\":\"OAuthException\",\"code\":100}}")
				: FakeHttp.Response.json(ApiReference.text("instagram/samples/graph-media-insights.json")));
		List<MetricValue> values = connector().insights().orElseThrow().metrics("18000000000000001",
				List.of("impressions", "reach", "views"));
		assertThat(values).extracting(MetricValue::name, MetricValue::value)
			.containsExactly(tuple("impressions", null),
					tuple("reach", 8120L), tuple("views", 11034L));
	}

	@Test
	void hidesAndRepliesToComments() throws Exception {
		fake.on("POST", V + "/17900000000000001", ApiReference.text("instagram/samples/graph-hide-response.json"));
		fake.on("GET", V + "/17900000000000001", "{\"id\":\"17900000000000001\"}");
		fake.on("POST", V + "/17900000000000001/replies", ApiReference.text("instagram/samples/graph-reply-response.json"));
		var actions = connector().actions().orElseThrow();
		actions.hide("17900000000000001", true);
		assertThat(actions.reply("17900000000000001", "Merci !", "k")).isEqualTo("17900000000000003");
		assertThat(fake.requests().get(0).body()).isEqualTo("hide=true");
	}
}
