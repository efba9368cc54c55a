package org.vigie.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.vigie.MutableClock;
import org.vigie.TestClockConfiguration;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.NewAccount;
import org.vigie.accounts.SocialAccount;
import org.vigie.analytics.MetricSample;
import org.vigie.analytics.MetricSamples;
import org.vigie.analytics.MetricsCollector;
import org.vigie.connectors.Feed;
import org.vigie.connectors.MetricValue;
import org.vigie.ingest.Ingestion;
import org.vigie.shared.Network;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;
import org.vigie.simulator.meta.MetaWebhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A Facebook Page on the simulator: a signed comment delivery goes through the same pipeline as
 * polling (stored once, not again when polled, refused when replayed or tampered), and a retired
 * metric in an insights request is stored unavailable while the others of the request are stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("it")
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = { "vigie.webhooks.meta-app-secret=vigie-test-app-secret",
		"vigie.webhooks.meta-verify-token=vigie-verify-token", "vigie.webhooks.drain-every=1h",
		"vigie.simulator.webhook-tick=1h" })
class MetaPushIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Simulator simulator;

	@Autowired
	Accounts accounts;

	@Autowired
	Ingestion ingestion;

	@Autowired
	WebhookWorker worker;

	@Autowired
	MetricsCollector collector;

	@Autowired
	MetricSamples samples;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MetaWebhooks metaWebhooks;

	SimUser page;

	SocialAccount account;

	SocialAccount connect(String handle) {
		page = simulator.world().addUser(Network.FACEBOOK, handle, "Page " + handle, 50_000, true, "fr");
		SimAuth.Issued token = simulator.auth().issue(Network.FACEBOOK, page.id(), null, false, clock.instant());
		account = accounts.connect(new NewAccount(null, Network.FACEBOOK, handle, page.id(), page.name(),
				simulator.baseUrl(Network.FACEBOOK), Map.of("page_token", token.accessToken()), null));
		return account;
	}

	long rows(String externalId) {
		return jdbc.sql("SELECT COUNT(*) FROM items WHERE network = 'facebook' AND external_id = ?").param(externalId)
			.query(Long.class).single();
	}

	long deliveries() {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries").query(Long.class).single();
	}

	@Test
	void aSignedCommentIsStoredOnceWhetherPushedRedeliveredOrPolled() throws Exception {
		connect("push_" + System.nanoTime() % 100000);
		SimUser fan = simulator.world().addUser(Network.FACEBOOK, "camille_push", "Camille Martin", 10, false, "fr");
		SimPost root = simulator.world().post(Network.FACEBOOK, page, "Ce soir 21h10 : nouvel épisode !", clock.instant().minusSeconds(600), null, null, "fr", null);
		SimPost comment = simulator.world().post(Network.FACEBOOK, fan, "Trop hâte pour ce soir !! 😍", clock.instant(), root, null, "fr", null);
		String postId = page.id() + "_" + root.id();
		String commentId = root.id() + "_" + comment.id();
		byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + page.id() + "\",\"time\":" + clock.instant().getEpochSecond()
				+ ",\"changes\":[{\"field\":\"feed\",\"value\":{\"from\":{\"id\":\"" + fan.id() + "\",\"name\":\"Camille Martin\"},"
				+ "\"post_id\":\"" + postId + "\",\"comment_id\":\"" + commentId + "\",\"created_time\":" + clock.instant().getEpochSecond()
				+ ",\"item\":\"comment\",\"parent_id\":\"" + postId + "\",\"verb\":\"add\",\"message\":\"Trop hâte pour ce soir !! 😍\"}}]}]}")
			.getBytes(StandardCharsets.UTF_8);
		String signature = Signatures.metaHeader("vigie-test-app-secret", body);
		long before = deliveries();

		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("hâte", "peur").getBytes(StandardCharsets.UTF_8);
		mvc.perform(post("/webhooks/facebook").content(tampered).header("X-Hub-Signature-256", signature)).andExpect(status().isForbidden());
		mvc.perform(post("/webhooks/facebook").content(body)).andExpect(status().isUnauthorized());
		assertThat(deliveries()).isEqualTo(before);
		assertThat(worker.drain()).isZero();
		assertThat(rows(commentId)).isZero();

		mvc.perform(post("/webhooks/facebook").content(body).header("X-Hub-Signature-256", signature)).andExpect(status().isOk());
		assertThat(worker.drain()).isEqualTo(1);
		assertThat(rows(commentId)).isEqualTo(1);
		String kind = jdbc.sql("SELECT kind FROM items WHERE network = 'facebook' AND external_id = ?").param(commentId)
			.query(String.class).single();
		assertThat(kind).isEqualTo("COMMENT");

		mvc.perform(post("/webhooks/facebook").content(body).header("X-Hub-Signature-256", signature)).andExpect(status().isConflict());
		assertThat(worker.drain()).isZero();

		clock.advance(Duration.ofSeconds(1));
		ingestion.drain(account.id(), Feed.of(Feed.Kind.COMMENTS), 5);
		assertThat(rows(commentId)).isEqualTo(1);
	}

	@Test
	void theSimulatorPushesSignedDeliveriesThatAreStoredOnceAndPollingFindsTheSameItems() throws Exception {
		connect("simpush_" + System.nanoTime() % 100000);
		SimUser fan = simulator.world().addUser(Network.FACEBOOK, "lea_push", "Léa Petit", 10, false, "fr");
		metaWebhooks.subscribe(Network.FACEBOOK, page.id());
		metaWebhooks.start("vigie-test-app-secret");
		SimPost root = simulator.world().post(Network.FACEBOOK, page, "Ce soir, la finale !", clock.instant(), null, null, "fr", null);
		SimPost comment = simulator.world().post(Network.FACEBOOK, fan, "Je ne la raterai pas", clock.instant(), root, null, "fr", null);
		SimPost reply = simulator.world().post(Network.FACEBOOK, page, "Merci Léa !", clock.instant(), comment, null, "fr", null);
		String commentId = root.id() + "_" + comment.id();
		String replyId = root.id() + "_" + reply.id();
		long before = deliveries();

		assertThat(metaWebhooks.push()).isEqualTo(2);
		assertThat(deliveries()).isEqualTo(before + 1);
		assertThat(metaWebhooks.push()).isZero();
		assertThat(worker.drain()).isEqualTo(2);
		assertThat(rows(commentId)).isEqualTo(1);
		assertThat(rows(replyId)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT kind FROM items WHERE network = 'facebook' AND external_id = ?").param(replyId)
			.query(String.class).single()).isEqualTo("REPLY");

		clock.advance(Duration.ofSeconds(1));
		ingestion.drain(account.id(), Feed.of(Feed.Kind.COMMENTS), 5);
		assertThat(rows(commentId)).isEqualTo(1);
		assertThat(rows(replyId)).isEqualTo(1);
	}

	@Test
	void instagramMentionsArePushedAsIdsLookedUpAndStoredOnceWhenPollingFindsThemToo() throws Exception {
		String handle = "insta_" + System.nanoTime() % 100000;
		SimUser insta = simulator.world().addUser(Network.INSTAGRAM, handle, "Phare TV", 12_000, true, "fr");
		SimAuth.Issued token = simulator.auth().issue(Network.INSTAGRAM, insta.id(), null, false, clock.instant());
		SocialAccount ig = accounts.connect(new NewAccount(null, Network.INSTAGRAM, handle, insta.id(), insta.name(),
				simulator.baseUrl(Network.INSTAGRAM), Map.of("page_token", token.accessToken()), null));
		SimUser fan = simulator.world().addUser(Network.INSTAGRAM, "fan_" + handle, "Inès", 10, false, "fr");
		SimUser other = simulator.world().addUser(Network.INSTAGRAM, "autre_" + handle, "Tom", 10, false, "fr");
		metaWebhooks.subscribe(Network.INSTAGRAM, insta.id());
		metaWebhooks.start("vigie-test-app-secret");
		SimPost caption = simulator.world().post(Network.INSTAGRAM, fan, "Soirée devant @" + handle + " 🍿", clock.instant(), null,
				null, "fr", null);
		SimPost elsewhere = simulator.world().post(Network.INSTAGRAM, other, "Ma photo du tournage", clock.instant(), null, null,
				"fr", null);
		SimPost comment = simulator.world().post(Network.INSTAGRAM, fan, "Tu as vu ça @" + handle + " ?", clock.instant(),
				elsewhere, null, "fr", null);

		assertThat(metaWebhooks.push()).isEqualTo(2);
		assertThat(worker.drain()).isEqualTo(2);
		assertThat(instagramKind(caption.id())).isEqualTo("MENTION");
		assertThat(instagramKind(comment.id())).isEqualTo("MENTION");
		assertThat(jdbc.sql("SELECT text FROM items WHERE network = 'instagram' AND external_id = ?").param(comment.id())
			.query(String.class).single()).contains("Tu as vu ça");

		clock.advance(Duration.ofSeconds(1));
		ingestion.drain(ig.id(), Feed.of(Feed.Kind.MENTIONS), 5);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM items WHERE network = 'instagram' AND external_id = ?").param(caption.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	String instagramKind(String externalId) {
		return jdbc.sql("SELECT kind FROM items WHERE network = 'instagram' AND external_id = ?").param(externalId)
			.query(String.class).single();
	}

	@Test
	void aRetiredMetricIsStoredUnavailableAndTheOthersOfTheRequestAreStored() throws Exception {
		connect("metrics_" + System.nanoTime() % 100000);
		SimPost post = simulator.world().post(Network.FACEBOOK, page, "Les coulisses du tournage 🎬", clock.instant(), null, null, "fr", null);
		String postId = page.id() + "_" + post.id();

		List<MetricValue> read = collector.collect(account.id(), postId,
				List.of("post_reactions_by_type_total", "post_impressions", "post_total_media_view_unique", "post_clicks"));

		assertThat(read).filteredOn(v -> v.name().equals("post_impressions")).singleElement()
			.satisfies(v -> assertThat(v.available()).isFalse());
		List<MetricSample> stored = samples.latest(Network.FACEBOOK, postId);
		assertThat(stored).filteredOn(s -> s.metric().equals("post_impressions")).singleElement().satisfies(s -> {
			assertThat(s.value()).isNull();
			assertThat(s.available()).isFalse();
			assertThat(s.unavailable()).contains("post_impressions");
		});
		assertThat(stored).filteredOn(s -> !s.metric().equals("post_impressions"))
			.extracting(MetricSample::metric)
			.contains("post_reactions_by_type_total", "post_total_media_view_unique", "post_clicks");
		assertThat(stored).filteredOn(s -> !s.metric().equals("post_impressions")).allSatisfy(s -> {
			assertThat(s.available()).isTrue();
			assertThat(s.value()).isNotNull();
		});
	}
}
