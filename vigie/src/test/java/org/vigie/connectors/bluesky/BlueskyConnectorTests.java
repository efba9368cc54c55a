package org.vigie.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.support.ApiReference;
import org.vigie.connectors.support.FakeHttp;
import org.vigie.connectors.support.FakeHttp.Response;
import org.vigie.connectors.support.MutableClock;
import org.vigie.shared.ItemKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The Bluesky connector against a loopback XRPC server answering the local peer's recorded payloads. */
class BlueskyConnectorTests {

	private static final String US = "did:plc:zqdmwkg4dmo4wsxduuyn6yeh";

	private static final String CAMILLE_REPLY = "at://did:plc:pnlrepbdbdygihynb55qzjpb/app.bsky.feed.post/3n363ycspz22w";

	private static final String OUR_POST = "at://did:plc:zqdmwkg4dmo4wsxduuyn6yeh/app.bsky.feed.post/3n363ybo35s2w";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T18:00:00Z"));

	private FakeHttp xrpc;

	private final AtomicInteger sessions = new AtomicInteger();

	@BeforeEach
	void serve() {
		xrpc = new FakeHttp();
		xrpc.on("POST", "/xrpc/com.atproto.server.createSession", r -> {
			sessions.incrementAndGet();
			return Response.json(session("access-1", "refresh-1"));
		});
	}

	@AfterEach
	void stop() {
		xrpc.close();
	}

	@Test
	void createsASessionWithTheAppPasswordAndOffersItForStorage() throws Exception {
		xrpc.on("GET", "/xrpc/app.bsky.notification.listNotifications", r -> Response.json("{\"notifications\":[]}"));
		SocialConnector connector = connector(Map.of(BlueskySession.APP_PASSWORD, "abcd-efgh-ijkl-mnop"));

		connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);

		FakeHttp.Request create = xrpc.requests().get(0);
		// the DID when known (it survives a change of handle), else the handle
		assertThat(create.body()).contains("\"identifier\":\"" + US + "\"", "\"password\":\"abcd-efgh-ijkl-mnop\"");
		assertThat(xrpc.requests().get(1).header("Authorization")).startsWith("Bearer " + jwtPrefix("access-1"));
		AccountCredentials renewed = connector.renewedCredentials().orElseThrow();
		assertThat(renewed.secrets()).containsKeys(BlueskySession.ACCESS_TOKEN, BlueskySession.REFRESH_TOKEN)
			.containsEntry(BlueskySession.DID, US);
		assertThat(renewed.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
		assertThat(connector.renewedCredentials()).isEmpty();
	}

	@Test
	void mapsMentionsAndRepliesAndSkipsLikesRepostsFollows() throws Exception {
		xrpc.on("GET", "/xrpc/app.bsky.notification.listNotifications", r -> {
			assertThat(r.query()).contains("reasons=mention", "reasons=reply", "reasons=quote");
			return Response.json(FakeHttp.param(r, "cursor").isEmpty()
					? ApiReference.text("bluesky/samples-local-peer/listNotifications.page1.json")
					: ApiReference.text("bluesky/samples-local-peer/listNotifications.page2.json"));
		});
		SocialConnector connector = connector(stored());

		Batch first = connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);
		Batch second = connector.poll(Feed.of(Feed.Kind.MENTIONS), first.next());

		assertThat(first.items()).isEmpty();
		assertThat(first.hasMore()).isTrue();
		assertThat(second.hasMore()).isFalse();
		RemoteItem reply = second.items().stream().filter(i -> i.externalId().equals(CAMILLE_REPLY)).findFirst()
			.orElseThrow();
		assertThat(reply.kind()).isEqualTo(ItemKind.COMMENT);
		assertThat(reply.text()).isEqualTo("@lavigie.test trop hâte ! 😍");
		assertThat(reply.parentExternalId()).isEqualTo(OUR_POST);
		assertThat(reply.conversationExternalId()).isEqualTo(OUR_POST);
		assertThat(reply.author().handle()).isEqualTo("camille.test");
		assertThat(reply.url()).isEqualTo("https://bsky.app/profile/camille.test/post/3n363ycspz22w");
		assertThat(second.items()).noneMatch(i -> i.externalId().contains("app.bsky.feed.like"));
	}

	@Test
	void resumesFromTheMarkAndHandsOnOnlyNewerNotifications() throws Exception {
		List<String> pages = new ArrayList<>();
		pages.add(notifications(notification("at://did:plc:a/app.bsky.feed.post/1", "2026-11-20T17:00:00.000Z")));
		xrpc.on("GET", "/xrpc/app.bsky.notification.listNotifications", r -> Response.json(pages.get(0)));
		SocialConnector connector = connector(stored());
		Batch first = connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);

		pages.set(0, notifications(notification("at://did:plc:a/app.bsky.feed.post/2", "2026-11-20T17:30:00.000Z"),
				notification("at://did:plc:a/app.bsky.feed.post/1", "2026-11-20T17:00:00.000Z")));
		Batch second = connector.poll(Feed.of(Feed.Kind.MENTIONS), first.next());

		assertThat(first.items()).extracting(RemoteItem::externalId).containsExactly("at://did:plc:a/app.bsky.feed.post/1");
		assertThat(second.items()).extracting(RemoteItem::externalId).containsExactly("at://did:plc:a/app.bsky.feed.post/2");
		assertThat(second.hasMore()).isFalse();
	}

	@Test
	void refreshesAnExpiredAccessTokenRotatingTheRefreshToken() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		xrpc.on("GET", "/xrpc/app.bsky.notification.listNotifications", r -> calls.incrementAndGet() == 1
				? Response.status(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")
				: Response.json("{\"notifications\":[]}"));
		xrpc.on("POST", "/xrpc/com.atproto.server.refreshSession", r -> {
			assertThat(r.header("Authorization")).isEqualTo("Bearer " + jwt("refresh-0", 90 * 24 * 3600));
			return Response.json(session("access-2", "refresh-2"));
		});
		SocialConnector connector = connector(stored());

		connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);

		assertThat(calls).hasValue(2);
		assertThat(sessions).hasValue(0);
		assertThat(connector.renewedCredentials().orElseThrow().secret(BlueskySession.REFRESH_TOKEN))
			.isEqualTo(jwt("refresh-2", 90 * 24 * 3600));
	}

	@Test
	void fallsBackToTheAppPasswordOnceWhenTheRefreshTokenIsRefused() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		xrpc.on("GET", "/xrpc/app.bsky.notification.listNotifications", r -> calls.incrementAndGet() == 1
				? Response.status(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}")
				: Response.json("{\"notifications\":[]}"));
		xrpc.on("POST", "/xrpc/com.atproto.server.refreshSession",
				r -> Response.status(400, "{\"error\":\"ExpiredToken\",\"message\":\"Token has been revoked\"}"));
		SocialConnector connector = connector(stored());

		connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);

		assertThat(sessions).hasValue(1);
	}

	@Test
	void pausesTheAccountWhenTheAppPasswordIsRevoked() {
		xrpc.on("POST", "/xrpc/com.atproto.server.createSession", r -> Response.status(401,
				ApiReference.text("bluesky/samples-local-peer/error.badPassword.json").replaceAll("(?s).*\"body\": ", "")
					.replaceAll("}\\s*}\\s*$", "}")));
		SocialConnector connector = connector(Map.of(BlueskySession.APP_PASSWORD, "xxxx-xxxx-xxxx-xxxx"));

		assertThatThrownBy(() -> connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START))
			.isInstanceOf(ConnectorException.AuthRevoked.class).hasMessageContaining("app password");
	}

	@Test
	void honoursRetryAfterOnTooManyRequests() {
		xrpc.on("GET", "/xrpc/app.bsky.notification.listNotifications", r -> new Response(429,
				"{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}",
				Map.of("Retry-After", "289", "RateLimit-Limit", "3000", "RateLimit-Remaining", "0", "RateLimit-Reset",
						String.valueOf(clock.instant().plusSeconds(289).getEpochSecond()))));
		SocialConnector connector = connector(stored());

		assertThatThrownBy(() -> connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START))
			.isInstanceOfSatisfying(ConnectorException.RateLimited.class,
					e -> assertThat(e.retryAt()).isEqualTo(clock.instant().plusSeconds(289)));
	}

	@Test
	void waitsForTheResetOnceNothingRemainsWithoutSpendingARequest() throws Exception {
		Instant reset = clock.instant().plusSeconds(120);
		xrpc.on("GET", "/xrpc/app.bsky.notification.listNotifications", r -> new Response(200, "{\"notifications\":[]}",
				Map.of("RateLimit-Limit", "3000", "RateLimit-Remaining", "0", "RateLimit-Reset",
						String.valueOf(reset.getEpochSecond()), "RateLimit-Policy", "3000;w=300")));
		SocialConnector connector = connector(stored());
		connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);
		int sent = xrpc.requests().size();

		assertThatThrownBy(() -> connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START))
			.isInstanceOf(ConnectorException.RateLimited.class);
		clock.advance(Duration.ofSeconds(121));
		connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);

		assertThat(xrpc.requests()).hasSize(sent + 1);
	}

	@Test
	void readsOwnPostsWithTheirCountersAndSkipsReposts() throws Exception {
		xrpc.on("GET", "/xrpc/app.bsky.feed.getAuthorFeed", r -> {
			assertThat(FakeHttp.param(r, "actor")).isEqualTo(US);
			assertThat(FakeHttp.param(r, "filter")).isEqualTo("posts_no_replies");
			return Response.json(ApiReference.text("bluesky/samples-local-peer/getAuthorFeed.response.json"));
		});

		Batch batch = connector(stored()).poll(Feed.of(Feed.Kind.OWN_POSTS), Cursor.START);

		assertThat(batch.items()).isNotEmpty().allMatch(i -> i.kind() == ItemKind.POST && i.fromUs());
		assertThat(batch.items().get(0).metrics()).containsKeys("likes", "reposts", "replies", "quotes");
	}

	@Test
	void searchesPostsForListening() throws Exception {
		xrpc.on("GET", "/xrpc/app.bsky.feed.searchPosts", r -> {
			assertThat(FakeHttp.param(r, "q")).isEqualTo("#LaVigie");
			assertThat(FakeHttp.param(r, "sort")).isEqualTo("latest");
			return Response.json(ApiReference.text("bluesky/samples-local-peer/searchPosts.hashtag.response.json"));
		});

		Batch batch = connector(stored()).poll(Feed.search("#LaVigie"), Cursor.START);

		assertThat(batch.items()).isNotEmpty().allMatch(i -> i.kind() == ItemKind.LISTENING_HIT);
	}

	@Test
	void readsDirectMessagesThroughTheChatProxy() throws Exception {
		xrpc.on("GET", "/xrpc/chat.bsky.convo.getLog", r -> {
			assertThat(r.header("atproto-proxy")).isEqualTo("did:web:api.bsky.chat#bsky_chat");
			return Response.json("""
					{"cursor":"rev-2","logs":[
					 {"$type":"chat.bsky.convo.defs#logBeginConvo","rev":"rev-1","convoId":"c1"},
					 {"$type":"chat.bsky.convo.defs#logCreateMessage","rev":"rev-2","convoId":"c1",
					  "message":{"$type":"chat.bsky.convo.defs#messageView","id":"m1","rev":"rev-2","text":"Bonjour !",
					  "sender":{"did":"did:plc:fan"},"sentAt":"2026-11-20T17:20:00.000Z"}}]}""");
		});

		Batch batch = connector(stored()).poll(Feed.of(Feed.Kind.MESSAGES), Cursor.START);

		assertThat(batch.items()).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo(ItemKind.DIRECT_MESSAGE);
			assertThat(m.externalId()).isEqualTo("c1/m1");
			assertThat(m.conversationExternalId()).isEqualTo("c1");
			assertThat(m.fromUs()).isFalse();
		});
		assertThat(batch.next().value()).isEqualTo("rev-2");
	}

	@Test
	void repliesWithStrongRefsToParentAndRootAndMentionFacetsInBytes() throws Exception {
		xrpc.on("GET", "/xrpc/app.bsky.feed.getPosts",
				r -> Response.json("{\"posts\":[" + firstPost("searchPosts.text.response.json") + "]}"));
		xrpc.on("GET", "/xrpc/app.bsky.feed.getPostThread", r -> Response.json("{\"thread\":{\"replies\":[]}}"));
		xrpc.on("GET", "/xrpc/com.atproto.identity.resolveHandle",
				r -> Response.json("{\"did\":\"did:plc:pnlrepbdbdygihynb55qzjpb\"}"));
		xrpc.on("POST", "/xrpc/com.atproto.repo.createRecord",
				r -> Response.json(ApiReference.text("bluesky/samples-local-peer/createRecord.reply.response.json")));

		String uri = connector(stored()).actions().orElseThrow().reply(CAMILLE_REPLY, "Merci @camille.test ! 🎉 #LaVigie",
				"k1");

		JsonNode sent = XrpcClient.JSON.readTree(xrpc.requests().stream()
			.filter(r -> r.path().endsWith("createRecord")).findFirst().orElseThrow().body());
		assertThat(uri).startsWith("at://");
		assertThat(sent.path("repo").asString()).isEqualTo(US);
		JsonNode record = sent.path("record");
		assertThat(record.path("reply").path("parent").path("uri").asString()).isEqualTo(CAMILLE_REPLY);
		assertThat(record.path("reply").path("root").path("uri").asString()).isEqualTo(OUR_POST);
		assertThat(record.path("reply").path("root").path("cid").asString()).startsWith("bafy");
		JsonNode mention = record.path("facets").path(0);
		assertThat(mention.path("index").path("byteStart").asInt()).isEqualTo(6);
		assertThat(mention.path("index").path("byteEnd").asInt()).isEqualTo(19);
		assertThat(mention.path("features").path(0).path("did").asString()).isEqualTo("did:plc:pnlrepbdbdygihynb55qzjpb");
		JsonNode tag = record.path("facets").path(1);
		// "Merci @camille.test ! 🎉 " is 27 bytes: the emoji takes 4
		assertThat(tag.path("index").path("byteStart").asInt()).isEqualTo(27);
		assertThat(tag.path("features").path(0).path("tag").asString()).isEqualTo("LaVigie");
	}

	@Test
	void hidesAReplyThroughTheRootThreadgate() throws Exception {
		xrpc.on("GET", "/xrpc/app.bsky.feed.getPosts",
				r -> Response.json("{\"posts\":[" + firstPost("searchPosts.text.response.json") + "]}"));
		xrpc.on("GET", "/xrpc/com.atproto.repo.getRecord",
				r -> Response.status(400, "{\"error\":\"RecordNotFound\",\"message\":\"Could not locate record\"}"));
		xrpc.on("POST", "/xrpc/com.atproto.repo.putRecord", r -> Response.json("{\"uri\":\"x\",\"cid\":\"y\"}"));

		connector(stored()).actions().orElseThrow().hide(CAMILLE_REPLY, true);

		JsonNode sent = XrpcClient.JSON.readTree(xrpc.requests().get(xrpc.requests().size() - 1).body());
		assertThat(sent.path("collection").asString()).isEqualTo("app.bsky.feed.threadgate");
		assertThat(sent.path("rkey").asString()).isEqualTo("3n363ybo35s2w");
		assertThat(sent.path("record").path("post").asString()).isEqualTo(OUR_POST);
		assertThat(sent.path("record").path("hiddenReplies").path(0).asString()).isEqualTo(CAMILLE_REPLY);
	}

	@Test
	void deletesOnlyItsOwnRecords() throws Exception {
		xrpc.on("POST", "/xrpc/com.atproto.repo.deleteRecord",
				r -> Response.json(ApiReference.text("bluesky/samples-local-peer/deleteRecord.response.json")));
		var actions = connector(stored()).actions().orElseThrow();

		actions.delete(OUR_POST);

		assertThat(xrpc.requests().get(xrpc.requests().size() - 1).body()).contains("\"rkey\":\"3n363ybo35s2w\"");
		assertThatThrownBy(() -> actions.delete(CAMILLE_REPLY)).isInstanceOf(ConnectorException.Rejected.class);
	}

	@Test
	void recordsAMalformedNotificationAndKeepsTheRest() throws Exception {
		xrpc.on("GET", "/xrpc/app.bsky.notification.listNotifications", r -> Response.json(notifications(
				notification("at://did:plc:a/app.bsky.feed.post/2", "2026-11-20T17:30:00.000Z"),
				"{\"uri\":\"at://did:plc:a/app.bsky.feed.post/1\",\"reason\":\"mention\",\"indexedAt\":\"2026-11-20T17:00:00.000Z\"}")));

		Batch batch = connector(stored()).poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);

		assertThat(batch.items()).extracting(RemoteItem::externalId).containsExactly("at://did:plc:a/app.bsky.feed.post/2");
		assertThat(batch.rejected()).extracting(Batch.Rejected::externalId).containsExactly("at://did:plc:a/app.bsky.feed.post/1");
	}

	private SocialConnector connector(Map<String, String> secrets) {
		return new BlueskyConnectorFactory(clock).open(new AccountCredentials("lavigie.test", US, xrpc.baseUrl(), secrets, null));
	}

	private Map<String, String> stored() {
		return Map.of(BlueskySession.APP_PASSWORD, "abcd-efgh-ijkl-mnop", BlueskySession.ACCESS_TOKEN, jwt("access-0", 7200),
				BlueskySession.REFRESH_TOKEN, jwt("refresh-0", 90 * 24 * 3600), BlueskySession.DID, US);
	}

	private String session(String access, String refresh) {
		ObjectNode s = (ObjectNode) XrpcClient.JSON
			.readTree(ApiReference.text("bluesky/samples-local-peer/createSession.response.json"));
		s.put("accessJwt", jwt(access, 7200));
		s.put("refreshJwt", jwt(refresh, 90 * 24 * 3600));
		return s.toString();
	}

	/** A JWT whose payload says when it expires, as the PDS's do (exp - iat = 7200 s for access tokens). */
	private String jwt(String name, long lifetimeSeconds) {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		long iat = Instant.parse("2026-11-20T18:00:00Z").getEpochSecond();
		String payload = "{\"sub\":\"" + US + "\",\"jti\":\"" + name + "\",\"iat\":" + iat + ",\"exp\":"
				+ (iat + lifetimeSeconds) + "}";
		return b64.encodeToString("{\"typ\":\"at+jwt\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
	}

	private String jwtPrefix(String name) {
		return jwt(name, 7200).substring(0, 10);
	}

	private static String firstPost(String sample) {
		return XrpcClient.JSON.readTree(ApiReference.text("bluesky/samples-local-peer/" + sample)).path("posts").path(0)
			.toString();
	}

	private static String notifications(String... notifications) {
		return "{\"notifications\":[" + String.join(",", notifications) + "]}";
	}

	private static String notification(String uri, String at) {
		return """
				{"uri":"%s","cid":"bafyx","reason":"mention","indexedAt":"%s",
				 "author":{"did":"did:plc:a","handle":"fan.test"},
				 "record":{"$type":"app.bsky.feed.post","text":"@lavigie.test coucou","createdAt":"%s"}}"""
			.formatted(uri, at, at);
	}
}
