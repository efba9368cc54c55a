package org.vigie.simulator.bluesky;

import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.vigie.shared.Network;
import org.vigie.simulator.DemoAccount;
import org.vigie.simulator.NetworkFake;
import org.vigie.simulator.RateWindows;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimRequest;
import org.vigie.simulator.SimResponse;
import org.vigie.simulator.SimShow;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fake Bluesky PDS + AppView speaking XRPC as in {@code api-reference/bluesky} (same JSON as the
 * local-peer samples): app-password sessions ({@code createSession}, rotating
 * {@code refreshSession}, 2-hour access tokens, {@code ExpiredToken}), notifications, author feeds,
 * search, threads, records (posts, replies, likes, threadgates, deletes), handle resolution and the
 * chat log behind {@code atproto-proxy}; opaque cursors; {@code RateLimit-*} headers and 429s.
 */
@Component
public class BlueskyFake implements NetworkFake {

	static final Duration ACCESS_TTL = Duration.ofHours(2);

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private static final int LIMIT = 3000;

	private static final String CHAT_PROXY = "did:web:api.bsky.chat#bsky_chat";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Simulator sim;

	private final Views views;

	/** App passwords by user id; a user without any accepts any well-formed one (demo accounts). */
	private final Map<String, Set<String>> appPasswords = new ConcurrentHashMap<>();

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	/** Threadgate records by root post id. */
	private final Map<String, ObjectNode> threadgates = new ConcurrentHashMap<>();

	BlueskyFake(Simulator sim) {
		this.sim = sim;
		this.views = new Views(sim);
	}

	@Override
	public Network network() {
		return Network.BLUESKY;
	}

	/** The DID the fake gives {@code user}. */
	public static String did(SimUser user) {
		return AtIds.did(user.id());
	}

	/** The {@code at://} URI of a post on the fake. */
	public static String uri(SimPost post) {
		return AtIds.uri(post.author().id(), post.id());
	}

	/** Creates an app password for {@code user}, as Settings → App passwords on bsky.app does. */
	public String createAppPassword(SimUser user) {
		String password = String.join("-", random4(), random4(), random4(), random4());
		appPasswords.computeIfAbsent(user.id(), k -> ConcurrentHashMap.newKeySet()).add(password);
		revoked.remove(user.id());
		return password;
	}

	/** Revokes every app password and token of {@code user}: the next session attempt is refused. */
	public void revokeAppPasswords(SimUser user) {
		revoked.add(user.id());
		appPasswords.remove(user.id());
		sim.auth().revokeAll(Network.BLUESKY, user.id());
	}

	@Override
	public SimResponse handle(SimRequest r) {
		String nsid = r.path().replaceFirst("^/xrpc/", "");
		if (r.is("POST", "/xrpc/com.atproto.server.createSession")) {
			return createSession(r);
		}
		if (r.is("POST", "/xrpc/com.atproto.server.refreshSession")) {
			return sim.auth().refresh(Network.BLUESKY, r.bearer(), ACCESS_TTL, r.now())
				.map(issued -> ok(session(sim.world().user(Network.BLUESKY, issued.userId()).orElseThrow(), issued)))
				.orElseGet(() -> xrpcError(400, "ExpiredToken", "Token has been revoked"));
		}
		if (r.bearer().isEmpty()) {
			return xrpcError(401, "AuthMissing", "Authentication Required");
		}
		Optional<SimUser> me = sim.auth().userOf(Network.BLUESKY, r.bearer(), r.now())
			.flatMap(id -> sim.world().user(Network.BLUESKY, id));
		if (me.isEmpty()) {
			return xrpcError(400, "ExpiredToken", "Token has expired");
		}
		return limited(r, () -> route(nsid, r, me.get()));
	}

	private SimResponse route(String nsid, SimRequest r, SimUser me) {
		Records records = new Records(sim, views, threadgates);
		return switch (r.method() + " " + nsid) {
			case "GET app.bsky.notification.listNotifications" -> notifications(r, me);
			case "GET app.bsky.feed.getAuthorFeed" -> authorFeed(r);
			case "GET app.bsky.feed.searchPosts" -> search(r);
			case "GET app.bsky.feed.getPosts" -> posts(r);
			case "GET app.bsky.feed.getPostThread" -> thread(r);
			case "GET com.atproto.identity.resolveHandle" -> sim.world().userByHandle(Network.BLUESKY, r.param("handle").orElse(""))
				.map(u -> ok(JSON.createObjectNode().put("did", did(u))))
				.orElseGet(() -> xrpcError(400, "InvalidRequest", "Unable to resolve handle"));
			case "GET chat.bsky.convo.getLog" -> chatLog(r, me);
			case "GET com.atproto.repo.getRecord" -> records.get(r);
			case "POST com.atproto.repo.createRecord" -> records.create(r, me);
			case "POST com.atproto.repo.putRecord" -> records.put(r, me);
			case "POST com.atproto.repo.deleteRecord" -> records.delete(r, me);
			default -> xrpcError(501, "MethodNotImplemented", "Method Not Implemented");
		};
	}

	private SimResponse createSession(SimRequest r) {
		JsonNode body = JSON.readTree(r.body().isBlank() ? "{}" : r.body());
		String identifier = body.path("identifier").asString("");
		String password = body.path("password").asString("");
		Optional<SimUser> user = identifier.startsWith("did:")
				? AtIds.userId(identifier).flatMap(id -> sim.world().user(Network.BLUESKY, id))
				: sim.world().userByHandle(Network.BLUESKY, identifier.replaceFirst("^@", ""));
		RateWindows.Window w = sim.windows().hit("bsky:createSession:" + identifier.toLowerCase(Locale.ROOT), 30, WINDOW,
				r.now());
		if (!w.allowed()) {
			return xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded").with(rateLimitHeaders(30, 0, w.reset()))
				.with(Map.of("Retry-After", Long.toString(Duration.between(r.now(), w.reset()).toSeconds())));
		}
		Map<String, String> headers = rateLimitHeaders(30, w.remaining(), w.reset());
		if (user.isEmpty() || revoked.contains(user.get().id()) || !accepts(user.get(), password)) {
			return xrpcError(401, "AuthenticationRequired", "Invalid identifier or password").with(headers);
		}
		SimAuth.Issued issued = sim.auth().issue(Network.BLUESKY, user.get().id(), ACCESS_TTL, true, r.now());
		return ok(session(user.get(), issued)).with(headers);
	}

	private boolean accepts(SimUser user, String password) {
		Set<String> known = appPasswords.get(user.id());
		return known == null ? password.matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}") : known.contains(password);
	}

	private ObjectNode session(SimUser user, SimAuth.Issued issued) {
		ObjectNode s = JSON.createObjectNode();
		s.put("accessJwt", issued.accessToken());
		s.put("refreshJwt", issued.refreshToken());
		s.put("did", did(user));
		s.put("handle", user.handle());
		s.put("active", true);
		return s;
	}

	private SimResponse notifications(SimRequest r, SimUser me) {
		List<String> reasons = r.params("reasons");
		Predicate<SimPost> mine = p -> !p.isDirect() && !p.author().id().equals(me.id())
				&& (me.id().equals(p.inReplyToUserId()) || p.mentions(me.handle()));
		return page(r, mine, "notifications", p -> {
			String reason = me.id().equals(p.inReplyToUserId()) ? "reply" : "mention";
			return reasons.isEmpty() || reasons.contains(reason) ? views.notification(p, reason) : null;
		});
	}

	private SimResponse authorFeed(SimRequest r) {
		String actor = r.param("actor").orElse("");
		Optional<SimUser> author = actor.startsWith("did:") ? AtIds.userId(actor).flatMap(id -> sim.world().user(Network.BLUESKY, id))
				: sim.world().userByHandle(Network.BLUESKY, actor);
		if (author.isEmpty()) {
			return xrpcError(400, "InvalidRequest", "Profile not found");
		}
		boolean noReplies = r.param("filter").orElse("posts_with_replies").equals("posts_no_replies");
		return page(r, p -> !p.isDirect() && p.author().id().equals(author.get().id()) && !(noReplies && p.inReplyToId() != null),
				"feed", p -> JSON.createObjectNode().set("post", views.post(p)));
	}

	private SimResponse search(SimRequest r) {
		String q = r.param("q").orElse("").trim();
		if (q.isEmpty()) {
			return xrpcError(400, "InvalidRequest", "Error: Params must have the property \"q\"");
		}
		List<String> terms = List.of(q.toLowerCase(Locale.ROOT).split("\\s+"));
		Predicate<SimPost> matches = p -> !p.isDirect() && terms.stream().allMatch(t -> t.startsWith("#")
				? p.hashtags().stream().anyMatch(h -> h.equalsIgnoreCase(t.substring(1)))
				: p.text().toLowerCase(Locale.ROOT).contains(t));
		return page(r, matches, "posts", views::post);
	}

	/** Newest first, {@code limit} (1–100, default 50) per page, the cursor being the last id served. */
	private SimResponse page(SimRequest r, Predicate<SimPost> filter, String field,
			Function<SimPost, JsonNode> view) {
		int limit;
		try {
			limit = r.param("limit").map(Integer::parseInt).orElse(50);
		}
		catch (NumberFormatException e) {
			return xrpcError(400, "InvalidRequest", "limit must be an integer");
		}
		if (limit < 1 || limit > 100) {
			return xrpcError(400, "InvalidRequest", "limit can not be greater than 100");
		}
		long below = r.param("cursor").map(Long::parseLong).orElse(Long.MAX_VALUE);
		List<SimPost> all = sim.world().query(Network.BLUESKY, r.now(), p -> p.number() < below && filter.test(p));
		List<SimPost> served = all.subList(0, Math.min(limit, all.size()));
		ObjectNode body = JSON.createObjectNode();
		ArrayNode list = body.putArray(field);
		for (SimPost p : served) {
			JsonNode node = view.apply(p);
			if (node != null) {
				list.add(node);
			}
		}
		if (all.size() > served.size()) {
			body.put("cursor", served.get(served.size() - 1).id());
		}
		return ok(body);
	}

	private SimResponse posts(SimRequest r) {
		ObjectNode body = JSON.createObjectNode();
		ArrayNode list = body.putArray("posts");
		for (String uri : r.params("uris")) {
			AtIds.postIdOfUri(uri).flatMap(id -> sim.world().find(Network.BLUESKY, id)).ifPresent(p -> list.add(views.post(p)));
		}
		return ok(body);
	}

	private SimResponse thread(SimRequest r) {
		String uri = r.param("uri").orElse("");
		Optional<SimPost> post = AtIds.postIdOfUri(uri).flatMap(id -> sim.world().find(Network.BLUESKY, id));
		if (post.isEmpty()) {
			return xrpcError(400, "NotFound", "Post not found: " + uri);
		}
		ObjectNode thread = JSON.createObjectNode();
		thread.put("$type", "app.bsky.feed.defs#threadViewPost");
		thread.set("post", views.post(post.get()));
		ArrayNode replies = thread.putArray("replies");
		for (SimPost reply : sim.world().query(Network.BLUESKY, r.now(), p -> post.get().id().equals(p.inReplyToId()))) {
			replies.addObject().put("$type", "app.bsky.feed.defs#threadViewPost").set("post", views.post(reply));
		}
		return ok(JSON.createObjectNode().set("thread", thread));
	}

	/** Direct messages as the chat service's event log, oldest first, after the {@code cursor} rev. */
	private SimResponse chatLog(SimRequest r, SimUser me) {
		if (!CHAT_PROXY.equals(r.header("atproto-proxy"))) {
			return xrpcError(501, "MethodNotImplemented", "Method Not Implemented");
		}
		long after = r.param("cursor").flatMap(AtIds::postId).map(Long::parseLong).orElse(Long.MIN_VALUE);
		List<SimPost> messages = new ArrayList<>(sim.world().directMessagesOf(Network.BLUESKY, me, r.now()));
		messages.removeIf(p -> p.number() <= after);
		messages.sort(Comparator.comparingLong(SimPost::number));
		List<SimPost> served = messages.subList(0, Math.min(100, messages.size()));
		ObjectNode body = JSON.createObjectNode();
		ArrayNode logs = body.putArray("logs");
		served.forEach(p -> logs.add(views.logCreateMessage(p)));
		body.put("cursor", served.isEmpty() ? r.param("cursor").orElse("") : AtIds.rkey(served.get(served.size() - 1).id()));
		return ok(body);
	}

	private SimResponse limited(SimRequest r, Supplier<SimResponse> call) {
		RateWindows.Window w = sim.windows().hit("bsky:" + r.bearer(), LIMIT, WINDOW, r.now());
		if (!w.allowed()) {
			return xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded").with(rateLimitHeaders(LIMIT, 0, w.reset()))
				.with(Map.of("Retry-After", Long.toString(Duration.between(r.now(), w.reset()).toSeconds())));
		}
		return call.get().with(rateLimitHeaders(LIMIT, w.remaining(), w.reset()));
	}

	/** A show's account signed in with an app password, as connecting it from Settings would store it. */
	@Override
	public Optional<DemoAccount> demoAccount(SimShow show, Instant now) {
		return sim.showAccount(Network.BLUESKY, show).map(u -> {
			String password = createAppPassword(u);
			SimAuth.Issued t = sim.auth().issue(Network.BLUESKY, u.id(), ACCESS_TTL, true, now);
			return new DemoAccount(u.handle(), did(u), u.name(), Map.of("app_password", password, "access_token",
					t.accessToken(), "refresh_token", t.refreshToken(), "did", did(u)), t.expiresAt());
		});
	}

	@Override
	public SimResponse error(int status, String message) {
		return switch (status) {
			case 401 -> xrpcError(401, "AuthMissing", "Authentication Required");
			case 429 -> xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded");
			case 400 -> xrpcError(400, "InvalidRequest", message);
			default -> xrpcError(status, status >= 500 ? "InternalServerError" : "InvalidRequest", message);
		};
	}

	@Override
	public Map<String, String> rateLimitHeaders(int limit, int remaining, Instant reset) {
		long window = WINDOW.toSeconds();
		return Map.of("RateLimit-Limit", Integer.toString(limit), "RateLimit-Remaining", Integer.toString(remaining),
				"RateLimit-Reset", Long.toString(reset.getEpochSecond()), "RateLimit-Policy", limit + ";w=" + window);
	}

	static SimResponse xrpcError(int status, String error, String message) {
		return SimResponse.json(status, JSON.createObjectNode().put("error", error).put("message", message).toString());
	}

	static SimResponse ok(JsonNode body) {
		return SimResponse.json(200, body.toString());
	}

	/** Graphemes as Bluesky counts them (post text: at most 300). */
	static int graphemes(String text) {
		BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
		it.setText(text);
		int n = 0;
		while (it.next() != BreakIterator.DONE) {
			n++;
		}
		return n;
	}

	private static String random4() {
		String chars = "abcdefghijklmnopqrstuvwxyz234567";
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			s.append(chars.charAt(random.nextInt(chars.length())));
		}
		return s.toString();
	}
}
