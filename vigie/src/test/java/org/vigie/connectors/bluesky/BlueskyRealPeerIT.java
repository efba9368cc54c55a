package org.vigie.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Batch;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.ItemKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Bluesky connector against a real local AT Protocol network ({@code @atproto/dev-env}
 * 0.3.215: PLC, PDS and AppView on PostgreSQL, on loopback), started and stopped here. Two accounts
 * sign in with app passwords; the fan replies to the show's post and mentions it through Vigie's
 * connector, and the show's connector sees the reply and the mention arrive, refreshes a refused
 * session, likes and hides the reply. Needs {@code npm ci --prefix tools/atproto-peer}; under
 * {@code CI=true} the test runs it itself when {@code node_modules} is missing. The peer listens on
 * ports chosen free; the last test stops it and checks that none of its processes or ports is left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlueskyRealPeerIT {

	// The AppView indexes within a second when idle; a loaded two-core machine may take far longer.
	private static final Duration INDEXING = Duration.ofSeconds(90);

	private static AtprotoPeer peer;

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final BlueskyConnectorFactory factory = new BlueskyConnectorFactory(Clock.systemUTC());

	@BeforeAll
	static void startPeer() throws Exception {
		if (!AtprotoPeer.installed()) {
			boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
			// In CI the peer must run: install it from the committed lock file. Elsewhere, skip unless installed.
			assumeTrue(ci || Boolean.getBoolean("vigie.atproto.install"),
					"run `npm ci --prefix tools/atproto-peer` (or -Dvigie.atproto.install=true) to test against a real peer");
			AtprotoPeer.install();
		}
		peer = AtprotoPeer.start();
	}

	@AfterAll
	static void stopPeer() throws Exception {
		if (peer != null) {
			peer.close();
		}
	}

	@Test
	void seesAMentionAndAReplyArriveFromARealPeer() throws Exception {
		String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
		AccountCredentials show = signUp("lavigie" + suffix + ".test");
		AccountCredentials fan = signUp("camille" + suffix + ".test");
		SocialConnector showConnector = factory.open(show);
		SocialConnector fanConnector = factory.open(fan);

		String episode = showConnector.publisher().orElseThrow().publish("Ce soir 21h10 : nouvel épisode #LaVigie 📺",
				List.of(), "episode-1");
		String reply = fanConnector.actions().orElseThrow().reply(episode, "@" + show.handle() + " trop hâte ! 😍",
				"reply-1");
		String mention = fanConnector.publisher().orElseThrow().publish("Qui regarde @" + show.handle() + " ce soir ?",
				List.of(), "mention-1");

		List<RemoteItem> seen = pollUntil(showConnector, Feed.of(Feed.Kind.MENTIONS),
				items -> items.stream().anyMatch(i -> i.externalId().equals(reply))
						&& items.stream().anyMatch(i -> i.externalId().equals(mention)));

		RemoteItem r = find(seen, reply);
		assertThat(r.kind()).isEqualTo(ItemKind.COMMENT);
		assertThat(r.parentExternalId()).isEqualTo(episode);
		assertThat(r.conversationExternalId()).isEqualTo(episode);
		assertThat(r.author().handle()).isEqualTo(fan.handle());
		assertThat(r.text()).isEqualTo("@" + show.handle() + " trop hâte ! 😍");
		RemoteItem m = find(seen, mention);
		assertThat(m.kind()).isEqualTo(ItemKind.MENTION);
		assertThat(m.fromUs()).isFalse();

		// The show's own post, with its counters, from the author feed.
		List<RemoteItem> own = pollUntil(showConnector, Feed.of(Feed.Kind.OWN_POSTS),
				items -> items.stream().anyMatch(i -> i.externalId().equals(episode)));
		assertThat(find(own, episode).fromUs()).isTrue();

		// Acting on the reply: like it and hide it in the show's thread (threadgate).
		showConnector.actions().orElseThrow().like(reply);
		showConnector.actions().orElseThrow().hide(reply, true);
		assertThat(threadgateHides(show, episode)).contains(reply);
	}

	@Test
	void refreshesARefusedSessionAndStoresTheRotatedTokens() throws Exception {
		String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
		AccountCredentials show = signUp("refresh" + suffix + ".test");
		Map<String, String> secrets = new HashMap<>(show.secrets());
		secrets.put(BlueskySession.ACCESS_TOKEN, "not-a-valid-token");
		SocialConnector connector = factory.open(new AccountCredentials(show.handle(), show.externalId(), show.baseUrl(),
				secrets, null));

		connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);

		AccountCredentials renewed = connector.renewedCredentials().orElseThrow();
		assertThat(renewed.secret(BlueskySession.ACCESS_TOKEN)).isNotEqualTo("not-a-valid-token");
		assertThat(renewed.secret(BlueskySession.REFRESH_TOKEN)).isNotEqualTo(show.secret(BlueskySession.REFRESH_TOKEN));
		assertThat(renewed.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(90)));
		// The rotated refresh token works: a new connector from the stored tokens polls without signing in again.
		SocialConnector again = factory.open(renewed);
		again.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);
	}

	@Test
	@Order(Integer.MAX_VALUE) // it stops the peer the other tests use
	void stopsEveryProcessOfThePeerAndFreesItsPorts() throws Exception {
		List<ProcessHandle> processes = peer.processes();
		assertThat(processes).extracting(p -> p.info().command().orElse(""))
			.anyMatch(command -> command.endsWith("/node"))
			.anyMatch(command -> command.endsWith("/postgres"));
		AtprotoPeer stopping = peer;
		peer = null;

		stopping.close();

		assertThat(processes).filteredOn(ProcessHandle::isAlive).isEmpty();
		assertThat(stopping.ports().all()).allMatch(BlueskyRealPeerIT::free);
		assertThat(stopping.scratch()).doesNotExist();
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	/** Creates an account on the PDS, an app password for it, and signs in with it as Settings does. */
	private AccountCredentials signUp(String handle) throws Exception {
		ObjectNode account = XrpcClient.JSON.createObjectNode();
		account.put("handle", handle);
		account.put("email", handle.replace(".test", "") + "@example.com");
		account.put("password", "main-password-" + handle);
		JsonNode created = post("com.atproto.server.createAccount", account, null);
		ObjectNode name = XrpcClient.JSON.createObjectNode();
		name.put("name", "vigie");
		JsonNode appPassword = post("com.atproto.server.createAppPassword", name, created.path("accessJwt").asString());
		return factory.signIn(peer.pdsUrl(), handle, appPassword.path("password").asString());
	}

	private List<RemoteItem> pollUntil(SocialConnector connector, Feed feed, Predicate<List<RemoteItem>> done)
			throws Exception {
		List<RemoteItem> seen = new ArrayList<>();
		Cursor cursor = Cursor.START;
		Instant deadline = Instant.now().plus(INDEXING);
		while (Instant.now().isBefore(deadline)) {
			Batch batch = connector.poll(feed, cursor);
			seen.addAll(batch.items());
			cursor = batch.next();
			if (done.test(seen)) {
				return seen;
			}
			if (!batch.hasMore()) {
				Thread.sleep(300); // the AppView indexes asynchronously (100 ms – 1 s)
			}
		}
		throw new AssertionError("Not seen through " + feed + " within " + INDEXING.toSeconds() + " s; seen " + seen
				+ "\npeer log:\n" + peer.log());
	}

	private List<String> threadgateHides(AccountCredentials show, String rootUri) throws Exception {
		AtUri root = AtUri.parse(rootUri);
		HttpRequest request = HttpRequest.newBuilder(URI.create(peer.pdsUrl() + "/xrpc/com.atproto.repo.getRecord?repo="
				+ root.repo() + "&collection=app.bsky.feed.threadgate&rkey=" + root.rkey())).GET().build();
		JsonNode gate = XrpcClient.JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
		List<String> hidden = new ArrayList<>();
		gate.path("value").path("hiddenReplies").forEach(n -> hidden.add(n.asString()));
		return hidden;
	}

	private static JsonNode post(String nsid, JsonNode body, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(peer.pdsUrl() + "/xrpc/" + nsid))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(nsid + " answered " + response.statusCode() + ": " + response.body());
		}
		return XrpcClient.JSON.readTree(response.body());
	}

	private static RemoteItem find(List<RemoteItem> items, String externalId) {
		Optional<RemoteItem> found = items.stream().filter(i -> i.externalId().equals(externalId)).findFirst();
		return found.orElseThrow(() -> new AssertionError(externalId + " not in " + items));
	}

}
