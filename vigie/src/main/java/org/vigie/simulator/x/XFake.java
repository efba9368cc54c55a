package org.vigie.simulator.x;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
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
 * A fake of X API v2 as described in {@code api-reference/x}: mentions, own posts, recent search,
 * DM events, posting, deleting, hiding, liking; {@code next_token}/{@code pagination_token}
 * paging, {@code x-rate-limit-*} headers and 429s per 15-minute window, problem-JSON errors, and
 * the OAuth 2.0 authorisation-code flow with PKCE (2-hour access tokens, rotating refresh tokens).
 */
@Component
class XFake implements NetworkFake {

	static final Duration TOKEN_TTL = Duration.ofHours(2);

	private static final Duration WINDOW = Duration.ofMinutes(15);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Simulator sim;

	XFake(Simulator sim) {
		this.sim = sim;
	}

	@Override
	public Network network() {
		return Network.X;
	}

	@Override
	public SimResponse handle(SimRequest r) {
		if (r.path().equals("/i/oauth2/authorize")) {
			return "POST".equals(r.method()) ? approve(r) : authorizePage(r);
		}
		if (r.is("POST", "/2/oauth2/token")) {
			return token(r);
		}
		Optional<String> me = sim.auth().userOf(Network.X, r.bearer(), r.now());
		if (me.isEmpty()) {
			return error(401, "Unauthorized");
		}
		SimUser user = sim.world().user(Network.X, me.get()).orElseThrow();
		String path = r.path();
		Matcher m;
		if (r.is("GET", "/2/users/me")) {
			return limited(r, "me", 75, () -> ok(JSON.createObjectNode().set("data", user(user))));
		}
		if ((m = match("/2/users/(\\d+)/mentions", path)).matches() && r.method().equals("GET")) {
			SimUser target = sim.world().user(Network.X, m.group(1)).orElse(user);
			return limited(r, "mentions", 300, () -> timeline(r, p -> !p.isDirect() && p.mentions(target.handle())
					&& !p.author().id().equals(target.id()), "pagination_token", 5, 100));
		}
		if ((m = match("/2/users/(\\d+)/tweets", path)).matches() && r.method().equals("GET")) {
			String id = m.group(1);
			boolean noReplies = r.param("exclude").orElse("").contains("replies");
			return limited(r, "tweets", 900, () -> timeline(r, p -> !p.isDirect() && p.author().id().equals(id)
					&& !(noReplies && p.inReplyToId() != null), "pagination_token", 5, 100));
		}
		if (r.is("GET", "/2/tweets/search/recent")) {
			String query = r.param("query").orElse("");
			if (query.isBlank() || query.length() > 512) {
				return problem(400, "Invalid Request", "The query parameter must be 1 to 512 characters.",
						"https://api.twitter.com/2/problems/invalid-request");
			}
			Optional<Instant> start = r.param("start_time").map(XFake::instant);
			if (start.isPresent() && start.get().isBefore(r.now().minus(Duration.ofDays(7)))) {
				return problem(400, "Invalid Request",
						"Invalid 'start_time':'" + r.param("start_time").get() + "'. 'start_time' must be on or after "
								+ r.now().minus(Duration.ofDays(7)) + ".",
						"https://api.twitter.com/2/problems/invalid-request");
			}
			Predicate<SimPost> filter = XQuery.parse(query, sim.world());
			return limited(r, "search", 300, () -> timeline(r, p -> !p.isDirect() && filter.test(p), "next_token", 10, 100));
		}
		if (r.is("GET", "/2/dm_events")) {
			return limited(r, "dm", 15, () -> dmEvents(r, user));
		}
		if (r.is("POST", "/2/tweets")) {
			return limited(r, "post", 100, () -> create(r, user));
		}
		if ((m = match("/2/tweets/(\\d+)", path)).matches() && r.method().equals("DELETE")) {
			String id = m.group(1);
			return limited(r, "delete", 50, () -> {
				Optional<SimPost> post = sim.world().find(Network.X, id);
				if (post.isEmpty()) {
					return problem(404, "Not Found Error", "Could not find tweet with id: [" + id + "].",
							"https://api.twitter.com/2/problems/resource-not-found");
				}
				if (!post.get().author().id().equals(user.id())) {
					return problem(403, "Forbidden", "You are not allowed to delete a Tweet that is not authored by you.",
							"about:blank");
				}
				sim.world().delete(Network.X, id);
				return ok(JSON.createObjectNode().set("data", JSON.createObjectNode().put("deleted", true)));
			});
		}
		if ((m = match("/2/tweets/(\\d+)/hidden", path)).matches() && r.method().equals("PUT")) {
			String id = m.group(1);
			return limited(r, "hide", 50, () -> {
				Optional<SimPost> post = sim.world().find(Network.X, id);
				Optional<SimPost> root = post.flatMap(p -> sim.world().find(Network.X, p.conversationId()));
				if (post.isEmpty() || post.get().inReplyToId() == null || root.isEmpty()
						|| !root.get().author().id().equals(user.id())) {
					return problem(403, "Forbidden", "You can only hide replies to conversations you started.",
							"about:blank");
				}
				boolean hidden = JSON.readTree(r.body()).path("hidden").asBoolean(true);
				sim.world().update(Network.X, id, p -> hide(p, hidden));
				return ok(JSON.createObjectNode().set("data", JSON.createObjectNode().put("hidden", hidden)));
			});
		}
		if ((m = match("/2/users/(\\d+)/likes", path)).matches() && r.method().equals("POST")) {
			return limited(r, "like", 50, () -> {
				String tweet = JSON.readTree(r.body()).path("tweet_id").asString("");
				if (sim.world().find(Network.X, tweet).isEmpty()) {
					return problem(404, "Not Found Error", "Could not find tweet with id: [" + tweet + "].",
							"https://api.twitter.com/2/problems/resource-not-found");
				}
				sim.world().update(Network.X, tweet, p -> like(p));
				return ok(JSON.createObjectNode().set("data", JSON.createObjectNode().put("liked", true)));
			});
		}
		return problem(404, "Not Found Error", "No route for " + r.method() + " " + path, "about:blank");
	}

	@Override
	public Optional<DemoAccount> demoAccount(SimShow show, Instant now) {
		return sim.showAccount(Network.X, show).map(u -> {
			SimAuth.Issued t = sim.auth().issue(Network.X, u.id(), TOKEN_TTL, true, now);
			return new DemoAccount(u.handle(), u.id(), u.name(),
					Map.of("access_token", t.accessToken(), "refresh_token", t.refreshToken()), t.expiresAt());
		});
	}

	@Override
	public SimResponse error(int status, String message) {
		if (status == 429) {
			return problem(429, "Too Many Requests", "Too Many Requests", "about:blank");
		}
		return problem(status, status == 401 ? "Unauthorized" : message, message, "about:blank");
	}

	@Override
	public Map<String, String> rateLimitHeaders(int limit, int remaining, Instant reset) {
		return Map.of("x-rate-limit-limit", Integer.toString(limit), "x-rate-limit-remaining", Integer.toString(remaining),
				"x-rate-limit-reset", Long.toString(reset.getEpochSecond()));
	}

	private SimResponse limited(SimRequest r, String bucket, int limit, Supplier<SimResponse> call) {
		RateWindows.Window w = sim.windows().hit("x:" + r.bearer() + ":" + bucket, limit, WINDOW, r.now());
		if (!w.allowed()) {
			return error(429, "Too Many Requests").with(rateLimitHeaders(limit, 0, w.reset()));
		}
		return call.get().with(rateLimitHeaders(limit, w.remaining(), w.reset()));
	}

	private SimResponse timeline(SimRequest r, Predicate<SimPost> filter, String tokenParam, int min, int max) {
		int size = r.param("max_results").map(Integer::parseInt).orElse(10);
		if (size < min || size > max) {
			return problem(400, "Invalid Request", "The `max_results` query parameter value [" + size
					+ "] is not between " + min + " and " + max, "https://api.twitter.com/2/problems/invalid-request");
		}
		long since = r.param("since_id").map(Long::parseLong).orElse(Long.MIN_VALUE);
		long until = r.param("until_id").map(Long::parseLong).orElse(Long.MAX_VALUE);
		long below = r.param(tokenParam).map(XFake::untoken).orElse(Long.MAX_VALUE);
		Instant start = r.param("start_time").map(XFake::instant).orElse(Instant.MIN);
		Instant end = r.param("end_time").map(XFake::instant).orElse(Instant.MAX);
		List<SimPost> all = sim.world().query(Network.X, r.now(), p -> filter.test(p) && p.number() > since
				&& p.number() < until && p.number() < below && !p.createdAt().isBefore(start) && p.createdAt().isBefore(end));
		List<SimPost> page = all.subList(0, Math.min(size, all.size()));
		ObjectNode body = JSON.createObjectNode();
		ObjectNode meta = JSON.createObjectNode();
		if (!page.isEmpty()) {
			ArrayNode data = body.putArray("data");
			Map<String, SimUser> users = new LinkedHashMap<>();
			for (SimPost p : page) {
				data.add(tweet(p));
				users.put(p.author().id(), p.author());
			}
			ArrayNode includes = body.putObject("includes").putArray("users");
			users.values().forEach(u -> includes.add(user(u)));
			meta.put("newest_id", page.get(0).id());
			meta.put("oldest_id", page.get(page.size() - 1).id());
		}
		meta.put("result_count", page.size());
		if (all.size() > page.size()) {
			meta.put("next_token", token(page.get(page.size() - 1).number()));
		}
		body.set("meta", meta);
		return ok(body);
	}

	private SimResponse dmEvents(SimRequest r, SimUser me) {
		int size = r.param("max_results").map(Integer::parseInt).orElse(100);
		long below = r.param("pagination_token").map(XFake::untoken).orElse(Long.MAX_VALUE);
		Instant cutoff = r.now().minus(Duration.ofDays(30));
		List<SimPost> all = sim.world().query(Network.X, r.now(), p -> p.isDirect() && p.number() < below
				&& !p.createdAt().isBefore(cutoff)
				&& (p.author().id().equals(me.id()) || p.directTo().id().equals(me.id())));
		List<SimPost> page = all.subList(0, Math.min(size, all.size()));
		ObjectNode body = JSON.createObjectNode();
		ArrayNode data = body.putArray("data");
		Map<String, SimUser> users = new LinkedHashMap<>();
		for (SimPost p : page) {
			ObjectNode e = JSON.createObjectNode();
			e.put("id", p.id());
			e.put("event_type", "MessageCreate");
			if (!p.malformed()) {
				e.put("text", p.text());
				e.put("created_at", p.createdAt().toString());
			}
			e.put("sender_id", p.author().id());
			String a = p.author().id();
			String b = p.directTo().id();
			e.put("dm_conversation_id", Long.parseLong(a) < Long.parseLong(b) ? a + "-" + b : b + "-" + a);
			e.putArray("participant_ids").add(a).add(b);
			data.add(e);
			users.put(p.author().id(), p.author());
		}
		ArrayNode includes = body.putObject("includes").putArray("users");
		users.values().forEach(u -> includes.add(user(u)));
		ObjectNode meta = body.putObject("meta");
		meta.put("result_count", page.size());
		if (all.size() > page.size()) {
			meta.put("next_token", token(page.get(page.size() - 1).number()));
		}
		return ok(body);
	}

	private SimResponse create(SimRequest r, SimUser me) {
		JsonNode in = JSON.readTree(r.body());
		String text = in.path("text").asString("");
		if (text.isBlank()) {
			return problem(400, "Invalid Request", "One or more parameters to your request was invalid.",
					"https://api.twitter.com/2/problems/invalid-request");
		}
		String parentId = in.path("reply").path("in_reply_to_tweet_id").asString("");
		SimPost parent = parentId.isEmpty() ? null : sim.world().find(Network.X, parentId).orElse(null);
		if (!parentId.isEmpty() && parent == null) {
			return problem(400, "Invalid Request", "The Tweet you are replying to has been deleted or is not visible.",
					"https://api.twitter.com/2/problems/invalid-request");
		}
		SimPost post = sim.world().post(Network.X, me, text, r.now(), parent, null, me.lang(), parent == null ? null : parent.show());
		ObjectNode data = JSON.createObjectNode().put("id", post.id()).put("text", post.text());
		data.putArray("edit_history_tweet_ids").add(post.id());
		return new SimResponse(201, Map.of(), JSON.createObjectNode().set("data", data).toString(), "application/json");
	}

	private SimResponse token(SimRequest r) {
		String grant = r.formField("grant_type");
		String clientId = r.formField("client_id");
		String basic = r.header("authorization");
		if (clientId.isEmpty() && basic != null && basic.startsWith("Basic ")) {
			String decoded = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
			clientId = decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
		}
		Optional<SimAuth.Issued> issued;
		if ("authorization_code".equals(grant)) {
			issued = sim.auth().exchange(Network.X, r.formField("code"), clientId, r.formField("redirect_uri"),
					r.formField("code_verifier"), TOKEN_TTL, true, r.now());
			if (issued.isEmpty()) {
				return oauthError("invalid_request", "Value passed for the authorization code was invalid.");
			}
		}
		else if ("refresh_token".equals(grant)) {
			issued = sim.auth().refresh(Network.X, r.formField("refresh_token"), TOKEN_TTL, r.now());
			if (issued.isEmpty()) {
				return oauthError("invalid_request", "Value passed for the token was invalid.");
			}
		}
		else {
			return oauthError("unsupported_grant_type", "Grant type is not supported.");
		}
		ObjectNode out = JSON.createObjectNode();
		out.put("token_type", "bearer");
		out.put("expires_in", TOKEN_TTL.toSeconds());
		out.put("access_token", issued.get().accessToken());
		out.put("scope", "tweet.read users.read tweet.write tweet.moderate.write like.read like.write dm.read dm.write offline.access");
		out.put("refresh_token", issued.get().refreshToken());
		return ok(out);
	}

	private SimResponse authorizePage(SimRequest r) {
		StringBuilder options = new StringBuilder();
		for (SimUser u : sim.world().users(Network.X)) {
			if (u.verified()) {
				options.append("<option value=\"").append(HtmlUtils.htmlEscape(u.id())).append("\">@")
					.append(HtmlUtils.htmlEscape(u.handle())).append(" — ").append(HtmlUtils.htmlEscape(u.name()))
					.append("</option>");
			}
		}
		StringBuilder hidden = new StringBuilder();
		for (String name : List.of("response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge",
				"code_challenge_method")) {
			hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
				.append(HtmlUtils.htmlEscape(r.param(name).orElse(""))).append("\">");
		}
		return SimResponse.html("""
				<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>X (simulateur) — Autoriser l'accès</title></head>
				<body><main><h1>X (simulateur)</h1>
				<p>L'application <strong>%s</strong> demande l'accès à votre compte : %s</p>
				<form method="post" action="authorize">%s
				<label for="user">Compte</label> <select id="user" name="user">%s</select>
				<button type="submit" id="authorize" name="decision" value="allow">Autoriser l'application</button>
				<button type="submit" id="deny" name="decision" value="deny">Annuler</button>
				</form></main></body></html>""".formatted(HtmlUtils.htmlEscape(r.param("client_id").orElse("?")),
				HtmlUtils.htmlEscape(r.param("scope").orElse("")), hidden, options));
	}

	private SimResponse approve(SimRequest r) {
		String redirect = r.formField("redirect_uri");
		String state = r.formField("state");
		String sep = redirect.contains("?") ? "&" : "?";
		if (!"allow".equals(r.formField("decision"))) {
			return SimResponse.redirect(redirect + sep + "error=access_denied&state=" + enc(state));
		}
		String code = sim.auth().authorize(Network.X, r.formField("user"), r.formField("client_id"), redirect,
				"S256".equals(r.formField("code_challenge_method")) ? r.formField("code_challenge") : "",
				r.formField("scope"), r.now());
		return SimResponse.redirect(redirect + sep + "state=" + enc(state) + "&code=" + enc(code));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static ObjectNode tweet(SimPost p) {
		ObjectNode t = JSON.createObjectNode();
		t.put("id", p.id());
		if (p.malformed()) {
			// Broken on purpose (fault injection): no text, an impossible date.
			t.put("created_at", "yesterday-ish");
			t.put("author_id", p.author().id());
			return t;
		}
		t.put("text", p.text());
		t.put("author_id", p.author().id());
		t.put("conversation_id", p.conversationId());
		if (p.inReplyToUserId() != null) {
			t.put("in_reply_to_user_id", p.inReplyToUserId());
		}
		t.put("created_at", p.createdAt().truncatedTo(ChronoUnit.MILLIS).toString().replaceAll("(\\d\\d:\\d\\d:\\d\\d)Z$", "$1.000Z"));
		t.put("lang", p.lang());
		t.putArray("edit_history_tweet_ids").add(p.id());
		ObjectNode metrics = t.putObject("public_metrics");
		metrics.put("retweet_count", p.reposts());
		metrics.put("reply_count", p.replies());
		metrics.put("like_count", p.likes());
		metrics.put("quote_count", 0);
		metrics.put("bookmark_count", 0);
		metrics.put("impression_count", p.impressions());
		if (p.inReplyToId() != null) {
			t.putArray("referenced_tweets").addObject().put("type", "replied_to").put("id", p.inReplyToId());
		}
		ObjectNode entities = JSON.createObjectNode();
		if (!p.mentions().isEmpty()) {
			ArrayNode mentions = entities.putArray("mentions");
			for (String handle : p.mentions()) {
				int at = p.text().indexOf("@" + handle);
				ObjectNode m = mentions.addObject();
				m.put("start", Math.max(0, at));
				m.put("end", Math.max(0, at) + handle.length() + 1);
				m.put("username", handle);
			}
		}
		if (!p.hashtags().isEmpty()) {
			ArrayNode tags = entities.putArray("hashtags");
			for (String tag : p.hashtags()) {
				int at = p.text().indexOf("#" + tag);
				tags.addObject().put("start", Math.max(0, at)).put("end", Math.max(0, at) + tag.length() + 1).put("tag", tag);
			}
		}
		if (!entities.isEmpty()) {
			t.set("entities", entities);
		}
		return t;
	}

	static ObjectNode user(SimUser u) {
		ObjectNode n = JSON.createObjectNode();
		n.put("id", u.id());
		n.put("name", u.name());
		n.put("username", u.handle());
		n.put("verified", u.verified());
		ObjectNode m = n.putObject("public_metrics");
		m.put("followers_count", u.followers());
		m.put("following_count", 100);
		m.put("tweet_count", 1000);
		m.put("listed_count", 0);
		return n;
	}

	private static SimPost hide(SimPost p, boolean hidden) {
		return new SimPost(p.id(), p.network(), p.author(), p.text(), p.createdAt(), p.inReplyToId(), p.inReplyToUserId(),
				p.conversationId(), p.mentions(), p.hashtags(), p.directTo(), p.lang(), p.show(), p.likes(), p.reposts(),
				p.replies(), p.impressions(), hidden, p.malformed(), p.idempotencyKey());
	}

	private static SimPost like(SimPost p) {
		return new SimPost(p.id(), p.network(), p.author(), p.text(), p.createdAt(), p.inReplyToId(), p.inReplyToUserId(),
				p.conversationId(), p.mentions(), p.hashtags(), p.directTo(), p.lang(), p.show(), p.likes() + 1, p.reposts(),
				p.replies(), p.impressions(), p.hidden(), p.malformed(), p.idempotencyKey());
	}

	static SimResponse ok(ObjectNode body) {
		return SimResponse.json(200, body.toString());
	}

	static SimResponse problem(int status, String title, String detail, String type) {
		ObjectNode n = JSON.createObjectNode();
		n.put("title", title);
		n.put("detail", detail);
		n.put("type", type);
		n.put("status", status);
		return new SimResponse(status, Map.of(), n.toString(), "application/problem+json");
	}

	private static SimResponse oauthError(String error, String description) {
		ObjectNode n = JSON.createObjectNode();
		n.put("error", error);
		n.put("error_description", description);
		return SimResponse.json(400, n.toString());
	}

	private static Matcher match(String regex, String path) {
		return Pattern.compile(regex).matcher(path);
	}

	static String token(long below) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("b" + Long.toString(below, 36)).getBytes(StandardCharsets.US_ASCII));
	}

	static long untoken(String token) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
			return Long.parseLong(raw.substring(1), 36);
		}
		catch (RuntimeException e) {
			return Long.MAX_VALUE;
		}
	}

	static Instant instant(String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException e) {
			return Instant.MIN;
		}
	}

	static String lower(String s) {
		return s.toLowerCase(Locale.ROOT);
	}

	static List<String> words(String s) {
		return new ArrayList<>(List.of(s.trim().split("\\s+")));
	}
}
