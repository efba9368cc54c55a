package org.vigie.simulator.reddit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigie.shared.Network;
import org.vigie.simulator.NetworkFake;
import org.vigie.simulator.SimShow;
import org.vigie.simulator.DemoAccount;
import org.vigie.simulator.RateWindows;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimRequest;
import org.vigie.simulator.SimResponse;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;

/**
 * Reddit ({@code api-reference/reddit}). Things: a root post is a link {@code t3_}, a reply a
 * comment {@code t1_}, a direct message {@code t4_}; ids are the post numbers in base 36. Rate
 * limit: 1,000 requests per 10-minute window per token (Reddit's 100 a minute, averaged).
 */
@Component
class RedditFake implements NetworkFake {

	static final Duration TOKEN_TTL = Duration.ofHours(24);

	private static final Network RD = Network.REDDIT;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WINDOW = Duration.ofMinutes(10);

	private static final int LIMIT = 1000;

	/** The apps the simulator knows: the demo accounts' and Vigie's own when no Reddit app is configured. */
	static final Map<String, String> CLIENTS = Map.of("sim-reddit-client", "sim-reddit-secret", "vigie-demo",
			"vigie-demo-secret");

	private final Simulator sim;

	private final Set<String> permanent = ConcurrentHashMap.newKeySet();

	RedditFake(Simulator sim) {
		this.sim = sim;
	}

	@Override
	public Network network() {
		return RD;
	}

	@Override
	public SimResponse error(int status, String message) {
		return SimResponse.json(status, "{\"message\": \"" + message + "\", \"error\": " + status + "}");
	}

	/** Two demo shows have a Reddit account; access tokens last a day, refresh tokens are permanent. */
	@Override
	public Optional<DemoAccount> demoAccount(SimShow show, Instant now) {
		if (!Set.of("les-gardiens-du-phare", "le-debat-du-dimanche").contains(show.slug())) {
			return Optional.empty();
		}
		return sim.showAccount(RD, show).map(u -> {
			SimAuth.Issued t = sim.auth().issue(RD, u.id(), TOKEN_TTL, true, now);
			return new DemoAccount(u.handle(), "t2_" + Long.toString(Long.parseLong(u.id()), 36), u.name(),
					Map.of("access_token", t.accessToken(), "refresh_token", t.refreshToken(), "client_id",
							"sim-reddit-client", "client_secret", "sim-reddit-secret"), t.expiresAt());
		});
	}

	@Override
	public Map<String, String> rateLimitHeaders(int limit, int remaining, Instant reset) {
		long seconds = Math.max(0, Duration.between(sim.clock().instant(), reset).getSeconds());
		return Map.of("x-ratelimit-used", Integer.toString(limit - remaining), "x-ratelimit-remaining",
				Double.toString(remaining), "x-ratelimit-reset", Long.toString(seconds));
	}

	@Override
	public SimResponse handle(SimRequest r) {
		if (r.is("POST", "/api/v1/access_token")) {
			return token(r);
		}
		if (r.path().equals("/api/v1/authorize")) {
			return "POST".equals(r.method()) ? approve(r) : consent(r);
		}
		String agent = r.header("user-agent");
		if (agent == null || !agent.contains("(by /u/")) {
			return error(429, "Too Many Requests: use a descriptive User-Agent");
		}
		Optional<String> me = sim.auth().userOf(RD, bearer(r), r.now());
		if (me.isEmpty()) {
			return error(401, "Unauthorized");
		}
		RateWindows.Window w = sim.windows().hit("reddit:" + bearer(r), LIMIT, WINDOW, r.now());
		if (!w.allowed()) {
			return error(429, "Too Many Requests").with(rateLimitHeaders(LIMIT, 0, w.reset()));
		}
		SimUser user = sim.world().user(RD, me.get()).orElseThrow();
		SimResponse answer = switch (r.method() + " " + r.path()) {
			case "GET /message/mentions" -> listing(r, p -> !p.isDirect() && mentions(p, user), user);
			case "GET /message/inbox", "GET /message/unread" -> listing(r, p -> p.isDirect() ? isTo(p, user)
					: mentions(p, user) || user.id().equals(p.inReplyToUserId()) && !p.author().id().equals(user.id()), user);
			case "GET /message/comments" -> listing(r, p -> !p.isDirect() && user.id().equals(p.inReplyToUserId())
					&& !p.author().id().equals(user.id()), user);
			case "GET /message/messages" -> listing(r, p -> p.isDirect() && (isTo(p, user) || p.author().id().equals(user.id())), user);
			case "GET /search" -> {
				String q = r.param("q").orElse("").toLowerCase(Locale.ROOT);
				yield listing(r, p -> !p.isDirect() && p.inReplyToId() == null && p.text().toLowerCase(Locale.ROOT).contains(q), user);
			}
			case "GET /api/info" -> info(r, user);
			case "GET /api/v1/me" -> SimResponse.json(200, JSON.createObjectNode().put("name", user.handle())
				.put("id", Long.toString(Long.parseLong(user.id()), 36)).toString());
			case "POST /api/comment" -> comment(r, user);
			case "POST /api/del" -> act(r, user, true, p -> sim.world().delete(RD, p.id()));
			case "POST /api/vote" -> act(r, user, false, p -> sim.world().update(RD, p.id(), x -> x.withLikes(x.likes() + 1)));
			case "POST /api/remove" -> act(r, user, false, p -> sim.world().update(RD, p.id(), x -> x.withHidden(true)));
			case "POST /api/approve" -> act(r, user, false, p -> sim.world().update(RD, p.id(), x -> x.withHidden(false)));
			default -> error(404, "Not Found");
		};
		return answer.with(rateLimitHeaders(LIMIT, w.remaining(), w.reset()));
	}

	private static String bearer(SimRequest r) {
		String auth = r.header("authorization");
		return auth != null && auth.regionMatches(true, 0, "bearer ", 0, 7) ? auth.substring(7).trim() : "";
	}

	private static boolean mentions(SimPost p, SimUser user) {
		return p.mentions(user.handle()) && !p.author().id().equals(user.id());
	}

	private static boolean isTo(SimPost p, SimUser user) {
		return p.directTo() != null && p.directTo().id().equals(user.id());
	}

	/** Reddit's consent page: "<app> wants to connect with your reddit account". */
	private SimResponse consent(SimRequest r) {
		String clientId = r.param("client_id").orElse("");
		if (!CLIENTS.containsKey(clientId)) {
			return SimResponse.html("<!doctype html><html><body><h1>invalid client id</h1></body></html>");
		}
		StringBuilder options = new StringBuilder();
		for (SimUser u : sim.world().users(RD)) {
			if (u.verified()) {
				options.append("<option value=\"").append(HtmlUtils.htmlEscape(u.id())).append("\">u/")
					.append(HtmlUtils.htmlEscape(u.handle())).append("</option>");
			}
		}
		StringBuilder hidden = new StringBuilder();
		for (String name : List.of("client_id", "response_type", "state", "redirect_uri", "duration", "scope")) {
			hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
				.append(HtmlUtils.htmlEscape(r.param(name).orElse(""))).append("\">");
		}
		return SimResponse.html("""
				<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>reddit (simulateur) — autoriser l'application</title></head>
				<body><main><h1>reddit (simulateur)</h1>
				<p><strong>%s</strong> souhaite se connecter à votre compte reddit (durée : %s) : %s</p>
				<form method="post" action="authorize">%s
				<label for="user">Compte</label> <select id="user" name="user">%s</select>
				<button type="submit" id="authorize" name="authorize" value="Allow">Allow</button>
				<button type="submit" id="deny" name="authorize" value="Decline">Decline</button>
				</form></main></body></html>""".formatted(HtmlUtils.htmlEscape(clientId),
				HtmlUtils.htmlEscape(r.param("duration").orElse("temporary")), HtmlUtils.htmlEscape(r.param("scope").orElse("")),
				hidden, options));
	}

	private SimResponse approve(SimRequest r) {
		String redirect = r.formField("redirect_uri");
		String sep = redirect.contains("?") ? "&" : "?";
		String state = URLEncoder.encode(r.formField("state"), StandardCharsets.UTF_8);
		if (!"Allow".equals(r.formField("authorize"))) {
			return SimResponse.redirect(redirect + sep + "error=access_denied&state=" + state);
		}
		String code = sim.auth().authorize(RD, r.formField("user"), r.formField("client_id"), redirect, "",
				r.formField("scope"), r.now());
		if ("permanent".equals(r.formField("duration"))) {
			permanent.add(code);
		}
		return SimResponse.redirect(redirect + sep + "state=" + state + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
	}

	/** The client of HTTP Basic {@code client_id:client_secret}, if it is one the simulator knows. */
	private static Optional<String> client(SimRequest r) {
		String auth = r.header("authorization");
		if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		try {
			String pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = pair.indexOf(':');
			String id = colon < 0 ? pair : pair.substring(0, colon);
			String secret = colon < 0 ? "" : pair.substring(colon + 1);
			boolean known = secret.equals(CLIENTS.get(id))
					|| id.startsWith("sim-reddit-client") && secret.equals("sim-reddit-secret");
			return known ? Optional.of(id) : Optional.empty();
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private SimResponse token(SimRequest r) {
		Optional<String> client = client(r);
		if (client.isEmpty()) {
			return SimResponse.json(401, "{\"message\": \"Unauthorized\", \"error\": 401}");
		}
		if ("authorization_code".equals(r.formField("grant_type"))) {
			String code = r.formField("code");
			boolean withRefresh = permanent.remove(code);
			Optional<SimAuth.Issued> issued = sim.auth().exchange(RD, code, client.get(), r.formField("redirect_uri"), "",
					TOKEN_TTL, withRefresh, r.now());
			if (issued.isEmpty()) {
				return SimResponse.json(200, "{\"error\": \"invalid_grant\"}");
			}
			ObjectNode o = JSON.createObjectNode();
			o.put("access_token", issued.get().accessToken()).put("token_type", "bearer").put("expires_in", TOKEN_TTL.getSeconds());
			if (withRefresh) {
				o.put("refresh_token", issued.get().refreshToken());
			}
			o.put("scope", "identity read submit privatemessages history edit modposts");
			return SimResponse.json(200, o.toString());
		}
		if (!"refresh_token".equals(r.formField("grant_type"))) {
			return SimResponse.json(400, "{\"error\": \"unsupported_grant_type\"}");
		}
		Optional<SimAuth.Issued> issued = sim.auth().refresh(RD, r.formField("refresh_token"), TOKEN_TTL, r.now());
		if (issued.isEmpty()) {
			return SimResponse.json(400, "{\"error\": \"invalid_grant\"}");
		}
		ObjectNode o = JSON.createObjectNode();
		o.put("access_token", issued.get().accessToken()).put("token_type", "bearer").put("expires_in", TOKEN_TTL.getSeconds())
			.put("refresh_token", issued.get().refreshToken()).put("scope", "identity privatemessages read submit history");
		return SimResponse.json(200, o.toString());
	}

	static String fullname(SimPost p) {
		return (p.isDirect() ? "t4_" : p.inReplyToId() == null ? "t3_" : "t1_") + Long.toString(p.number(), 36);
	}

	Optional<SimPost> find(String fullname) {
		try {
			String id = fullname.contains("_") ? fullname.substring(fullname.indexOf('_') + 1) : fullname;
			return sim.world().find(RD, Long.toString(Long.parseLong(id, 36)));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** A Listing, newest first, {@code after} = the fullname to continue from, {@code limit} ≤ 100 (default 25). */
	private SimResponse listing(SimRequest r, Predicate<SimPost> filter, SimUser user) {
		int limit = Math.max(1, Math.min(100, Integer.parseInt(r.param("limit").orElse("25"))));
		long after = r.param("after").flatMap(this::find).map(SimPost::number).orElse(Long.MAX_VALUE);
		List<SimPost> all = sim.world().query(RD, r.now(), p -> p.number() < after && filter.test(p));
		List<SimPost> slice = all.subList(0, Math.min(limit, all.size()));
		ObjectNode body = JSON.createObjectNode();
		body.put("kind", "Listing");
		ObjectNode data = body.putObject("data");
		data.put("after", all.size() > slice.size() ? fullname(slice.get(slice.size() - 1)) : null);
		data.put("dist", slice.size()).putNull("modhash").put("geo_filter", "");
		ArrayNode children = data.putArray("children");
		slice.forEach(p -> children.add(thing(p, user)));
		data.putNull("before");
		return SimResponse.json(200, body.toString());
	}

	private ObjectNode thing(SimPost p, SimUser user) {
		ObjectNode child = JSON.createObjectNode();
		String name = fullname(p);
		child.put("kind", name.substring(0, 2));
		ObjectNode d = child.putObject("data");
		d.put("id", name.substring(3)).put("name", name).put("author", p.author().handle())
			.put("author_fullname", "t2_" + Long.toString(Long.parseLong(p.author().id()), 36));
		String sub = p.show() == null ? "seriesfr" : p.show().replace("-", "");
		Optional<SimPost> root = sim.world().find(RD, p.conversationId());
		String link = root.map(x -> "t3_" + Long.toString(x.number(), 36)).orElse(name);
		String slug = root.map(x -> x.text().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")).orElse("post");
		slug = slug.length() > 40 ? slug.substring(0, 40) : slug;
		if (p.isDirect()) {
			d.put("subject", "Message").put("body", p.text()).put("dest", p.directTo().handle()).put("was_comment", false)
				.put("new", true).putNull("first_message_name").put("replies", "");
		}
		else if (p.inReplyToId() == null) {
			d.put("title", p.text().length() > 300 ? p.text().substring(0, 300) : p.text()).put("selftext", "")
				.put("subreddit", sub).put("permalink", "/r/" + sub + "/comments/" + name.substring(3) + "/" + slug + "/")
				.put("score", p.likes() + 1).put("ups", p.likes() + 1).put("upvote_ratio", 0.95)
				.put("num_comments", p.replies()).put("over_18", false).put("is_self", true);
		}
		else {
			boolean mention = p.mentions(user.handle()) && !user.id().equals(p.inReplyToUserId());
			boolean toPost = p.inReplyToId().equals(p.conversationId());
			d.put("body", p.text()).put("subject", mention ? "username mention" : toPost ? "post reply" : "comment reply")
				.put("context", "/r/" + sub + "/comments/" + link.substring(3) + "/" + slug + "/" + name.substring(3) + "/?context=3")
				.put("link_title", root.map(SimPost::text).orElse("")).put("subreddit", sub)
				.put("parent_id", sim.world().find(RD, p.inReplyToId()).map(RedditFake::fullname).orElse(link))
				.put("type", mention ? "username_mention" : toPost ? "post_reply" : "comment_reply")
				.put("was_comment", true).put("new", true).put("dest", user.handle()).put("score", p.likes() + 1);
		}
		if (!p.malformed()) {
			d.put("created_utc", p.createdAt().getEpochSecond() + p.createdAt().getNano() / 1e9);
		}
		return child;
	}

	private SimResponse info(SimRequest r, SimUser user) {
		ObjectNode body = JSON.createObjectNode();
		body.put("kind", "Listing");
		ArrayNode children = body.putObject("data").putArray("children");
		for (String id : r.param("id").orElse("").split(",")) {
			find(id.trim()).ifPresent(p -> children.add(thing(p, user)));
		}
		return SimResponse.json(200, body.toString());
	}

	private SimResponse comment(SimRequest r, SimUser user) {
		Optional<SimPost> parent = find(r.formField("thing_id"));
		String text = r.formField("text");
		if (text.isBlank()) {
			return jsonErrors("NO_TEXT", "we need something here", "text");
		}
		if (parent.isEmpty()) {
			return jsonErrors("NO_THING_ID", "that thing does not exist", "parent");
		}
		SimPost p = parent.get();
		SimPost reply = sim.world().post(RD, user, text, r.now(), p.isDirect() ? null : p, p.isDirect() ? p.author() : null,
				"fr", p.show());
		ObjectNode body = JSON.createObjectNode();
		ObjectNode json = body.putObject("json");
		json.putArray("errors");
		json.putObject("data").putArray("things").add(thing(reply, user));
		return SimResponse.json(200, body.toString());
	}

	private SimResponse act(SimRequest r, SimUser user, boolean ownOnly, Consumer<SimPost> action) {
		Optional<SimPost> p = find(r.formField("id"));
		if (p.isEmpty()) {
			return error(404, "Not Found");
		}
		if (ownOnly && !p.get().author().id().equals(user.id())) {
			return error(403, "Forbidden");
		}
		action.accept(p.get());
		return SimResponse.json(200, "{}");
	}

	private static SimResponse jsonErrors(String code, String message, String field) {
		ObjectNode body = JSON.createObjectNode();
		ArrayNode error = body.putObject("json").putArray("errors").addArray();
		error.add(code).add(message).add(field);
		return SimResponse.json(200, body.toString());
	}
}
