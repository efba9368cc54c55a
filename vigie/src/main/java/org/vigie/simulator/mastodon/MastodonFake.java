package org.vigie.simulator.mastodon;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
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
 * A fake Mastodon instance as described in {@code api-reference/mastodon}: app registration,
 * OAuth with PKCE (tokens that never expire), notifications, account statuses, conversations,
 * hashtag timelines and search, posting with {@code Idempotency-Key}, favourites and deletion;
 * {@code Link} header paging with {@code max_id}/{@code since_id}/{@code min_id}; 300 calls per
 * 5 minutes with {@code X-RateLimit-*} (ISO 8601 reset); {@code {"error": …}} bodies.
 */
@Component
class MastodonFake implements NetworkFake {

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private static final int LIMIT = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Simulator sim;

	private final Map<String, String> idempotency = new ConcurrentHashMap<>();

	MastodonFake(Simulator sim) {
		this.sim = sim;
	}

	@Override
	public Network network() {
		return Network.MASTODON;
	}

	@Override
	public Optional<DemoAccount> demoAccount(SimShow show, Instant now) {
		return sim.showAccount(Network.MASTODON, show).map(u -> {
			SimAuth.Issued t = sim.auth().issue(Network.MASTODON, u.id(), null, false, now);
			return new DemoAccount(u.handle(), u.id(), u.name(), Map.of("access_token", t.accessToken()), null);
		});
	}

	@Override
	public SimResponse handle(SimRequest r) {
		String path = r.path();
		if (r.is("POST", "/api/v1/apps")) {
			Map<String, String> in = fields(r);
			if (in.getOrDefault("client_name", "").isBlank() || in.getOrDefault("redirect_uris", "").isBlank()) {
				return error(422, "Validation failed: Application name can't be blank, Redirect URI can't be blank");
			}
			SimAuth.App app = sim.auth().registerApp(in.get("client_name"), in.get("redirect_uris"),
					in.getOrDefault("scopes", "read"));
			ObjectNode out = JSON.createObjectNode();
			out.put("id", Long.toString(Math.abs(app.clientId().hashCode())));
			out.put("name", app.name());
			out.put("website", in.getOrDefault("website", null));
			out.put("scopes", app.scopes());
			out.put("redirect_uri", app.redirectUris());
			out.putArray("redirect_uris").add(app.redirectUris());
			out.put("client_id", app.clientId());
			out.put("client_secret", app.clientSecret());
			return SimResponse.json(200, out.toString());
		}
		if (path.equals("/oauth/authorize")) {
			return "POST".equals(r.method()) ? approve(r) : authorizePage(r);
		}
		if (r.is("POST", "/oauth/token")) {
			return token(r);
		}
		Optional<String> me = sim.auth().userOf(Network.MASTODON, r.bearer(), r.now());
		if (me.isEmpty()) {
			return error(401, "The access token is invalid");
		}
		SimUser user = sim.world().user(Network.MASTODON, me.get()).orElseThrow();
		RateWindows.Window w = sim.windows().hit("mastodon:" + r.bearer(), LIMIT, WINDOW, r.now());
		if (!w.allowed()) {
			return error(429, "Too many requests").with(rateLimitHeaders(LIMIT, 0, w.reset()));
		}
		return route(r, user).with(rateLimitHeaders(LIMIT, w.remaining(), w.reset()));
	}

	private SimResponse route(SimRequest r, SimUser me) {
		String path = r.path();
		Matcher m;
		if (r.is("GET", "/api/v1/accounts/verify_credentials")) {
			return SimResponse.json(200, account(me).toString());
		}
		if (r.is("GET", "/api/v1/notifications")) {
			List<String> types = r.params("types[]");
			boolean mentions = types.isEmpty() || types.contains("mention");
			return page(r, p -> mentions && p.mentions(me.handle()) && !p.author().id().equals(me.id()), 40, 80,
					"/api/v1/notifications", this::notification);
		}
		if ((m = Pattern.compile("/api/v1/accounts/(\\d+)/statuses").matcher(path)).matches() && r.method().equals("GET")) {
			String id = m.group(1);
			boolean noReplies = r.param("exclude_replies").map(Boolean::parseBoolean).orElse(false);
			return page(r, p -> !p.isDirect() && p.author().id().equals(id) && !(noReplies && p.inReplyToId() != null), 20,
					40, path, MastodonFake::status);
		}
		if (r.is("GET", "/api/v1/conversations")) {
			return page(r, p -> p.isDirect() && (p.author().id().equals(me.id()) || p.directTo().id().equals(me.id())), 20,
					40, path, p -> conversation(p, me));
		}
		if ((m = Pattern.compile("/api/v1/timelines/tag/([^/]+)").matcher(path)).matches() && r.method().equals("GET")) {
			String tag = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
			return page(r, p -> !p.isDirect() && p.hashtags().stream().anyMatch(h -> h.equalsIgnoreCase(tag)), 20, 40, path,
					MastodonFake::status);
		}
		if (r.is("GET", "/api/v2/search")) {
			String q = r.param("q").orElse("").toLowerCase(Locale.ROOT);
			int limit = Math.min(40, r.param("limit").map(Integer::parseInt).orElse(20));
			int offset = r.param("offset").map(Integer::parseInt).orElse(0);
			List<SimPost> found = sim.world().query(Network.MASTODON, r.now(),
					p -> !p.isDirect() && !q.isBlank() && p.text().toLowerCase(Locale.ROOT).contains(q.replace("#", "")));
			ObjectNode out = JSON.createObjectNode();
			out.putArray("accounts");
			ArrayNode statuses = out.putArray("statuses");
			found.stream().skip(offset).limit(limit).forEach(p -> statuses.add(status(p)));
			out.putArray("hashtags");
			return SimResponse.json(200, out.toString());
		}
		if (r.is("POST", "/api/v1/statuses")) {
			String key = r.header("idempotency-key");
			if (key != null && idempotency.containsKey(me.id() + key)) {
				return sim.world().find(Network.MASTODON, idempotency.get(me.id() + key))
					.map(p -> SimResponse.json(200, status(p).toString()))
					.orElse(error(404, "Record not found"));
			}
			Map<String, String> in = fields(r);
			String text = in.getOrDefault("status", "");
			if (text.isBlank()) {
				return error(422, "Validation failed: Text can't be blank");
			}
			if (text.codePointCount(0, text.length()) > 500) {
				return error(422, "Validation failed: Text character limit of 500 exceeded");
			}
			SimPost parent = in.containsKey("in_reply_to_id")
					? sim.world().find(Network.MASTODON, in.get("in_reply_to_id")).orElse(null) : null;
			SimUser to = "direct".equals(in.get("visibility")) && parent != null ? parent.author() : null;
			SimPost post = sim.world().post(Network.MASTODON, me, text, r.now(), parent, to, me.lang(),
					parent == null ? null : parent.show());
			if (key != null) {
				idempotency.put(me.id() + key, post.id());
			}
			return SimResponse.json(200, status(post).toString());
		}
		if ((m = Pattern.compile("/api/v1/statuses/(\\d+)/favourite").matcher(path)).matches() && r.method().equals("POST")) {
			String id = m.group(1);
			Optional<SimPost> post = sim.world().find(Network.MASTODON, id);
			if (post.isEmpty()) {
				return error(404, "Record not found");
			}
			sim.world().update(Network.MASTODON, id, p -> new SimPost(p.id(), p.network(), p.author(), p.text(),
					p.createdAt(), p.inReplyToId(), p.inReplyToUserId(), p.conversationId(), p.mentions(), p.hashtags(),
					p.directTo(), p.lang(), p.show(), p.likes() + 1, p.reposts(), p.replies(), p.impressions(), p.hidden(),
					p.malformed(), p.idempotencyKey()));
			ObjectNode out = status(sim.world().find(Network.MASTODON, id).orElseThrow());
			out.put("favourited", true);
			return SimResponse.json(200, out.toString());
		}
		if ((m = Pattern.compile("/api/v1/statuses/(\\d+)/context").matcher(path)).matches() && r.method().equals("GET")) {
			Optional<SimPost> post = sim.world().find(Network.MASTODON, m.group(1));
			if (post.isEmpty()) {
				return error(404, "Record not found");
			}
			ObjectNode out = JSON.createObjectNode();
			ArrayNode ancestors = out.putArray("ancestors");
			List<SimPost> up = new ArrayList<>();
			SimPost cursor = post.get();
			while (cursor.inReplyToId() != null) {
				Optional<SimPost> parent = sim.world().find(Network.MASTODON, cursor.inReplyToId());
				if (parent.isEmpty()) {
					break;
				}
				up.add(0, parent.get());
				cursor = parent.get();
			}
			up.forEach(p -> ancestors.add(status(p)));
			ArrayNode descendants = out.putArray("descendants");
			String root = post.get().id();
			sim.world().query(Network.MASTODON, r.now(), p -> root.equals(p.inReplyToId()))
				.stream().sorted(Comparator.comparingLong(SimPost::number)).forEach(p -> descendants.add(status(p)));
			return SimResponse.json(200, out.toString());
		}
		if ((m = Pattern.compile("/api/v1/statuses/(\\d+)").matcher(path)).matches() && r.method().equals("DELETE")) {
			Optional<SimPost> post = sim.world().find(Network.MASTODON, m.group(1));
			if (post.isEmpty() || !post.get().author().id().equals(me.id())) {
				return error(404, "Record not found");
			}
			sim.world().delete(Network.MASTODON, post.get().id());
			ObjectNode out = status(post.get());
			out.put("text", post.get().text());
			return SimResponse.json(200, out.toString());
		}
		return error(404, "Record not found");
	}

	/** Pages newest first with max_id / since_id, or the oldest page after min_id; Link header both ways. */
	private SimResponse page(SimRequest r, Predicate<SimPost> filter, int defaultLimit, int maxLimit, String path,
			Function<SimPost, ObjectNode> render) {
		int limit = Math.max(1, Math.min(maxLimit, r.param("limit").map(Integer::parseInt).orElse(defaultLimit)));
		long max = r.param("max_id").map(Long::parseLong).orElse(Long.MAX_VALUE);
		long since = r.param("since_id").map(Long::parseLong).orElse(Long.MIN_VALUE);
		Optional<Long> min = r.param("min_id").map(Long::parseLong);
		List<SimPost> all = sim.world().query(Network.MASTODON, r.now(), p -> filter.test(p) && p.number() < max
				&& p.number() > since && p.number() > min.orElse(Long.MIN_VALUE));
		List<SimPost> page;
		if (min.isPresent()) {
			int from = Math.max(0, all.size() - limit);
			page = all.subList(from, all.size());
		}
		else {
			page = all.subList(0, Math.min(limit, all.size()));
		}
		ArrayNode out = JSON.createArrayNode();
		page.forEach(p -> out.add(render.apply(p)));
		SimResponse response = SimResponse.json(200, out.toString());
		if (!page.isEmpty()) {
			String base = r.base() + path + "?limit=" + limit;
			for (String t : r.params("types[]")) {
				base += "&types[]=" + URLEncoder.encode(t, StandardCharsets.UTF_8);
			}
			String link = "<" + base + "&max_id=" + page.get(page.size() - 1).id() + ">; rel=\"next\", <" + base + "&min_id="
					+ page.get(0).id() + ">; rel=\"prev\"";
			response = response.with(Map.of("Link", link));
		}
		return response;
	}

	private ObjectNode notification(SimPost p) {
		ObjectNode n = JSON.createObjectNode();
		n.put("id", p.id());
		n.put("type", "mention");
		n.put("created_at", iso(p.createdAt()));
		n.set("account", account(p.author()));
		n.set("status", status(p));
		return n;
	}

	private ObjectNode conversation(SimPost p, SimUser me) {
		ObjectNode c = JSON.createObjectNode();
		c.put("id", p.conversationId());
		c.put("unread", !p.author().id().equals(me.id()));
		SimUser other = p.author().id().equals(me.id()) ? p.directTo() : p.author();
		c.putArray("accounts").add(account(other));
		c.set("last_status", status(p));
		return c;
	}

	static ObjectNode status(SimPost p) {
		ObjectNode s = JSON.createObjectNode();
		s.put("id", p.id());
		if (!p.malformed()) {
			s.put("created_at", iso(p.createdAt()));
			s.put("content", "<p>" + HtmlUtils.htmlEscape(p.text()).replace("\n", "<br />") + "</p>");
		}
		else {
			s.put("created_at", "not a date");
		}
		s.put("in_reply_to_id", p.inReplyToId());
		s.put("in_reply_to_account_id", p.inReplyToUserId());
		s.put("sensitive", false);
		s.put("spoiler_text", "");
		s.put("visibility", p.isDirect() ? "direct" : "public");
		s.put("language", p.lang());
		s.put("uri", "https://mastodon.example/users/" + p.author().handle() + "/statuses/" + p.id());
		s.put("url", "https://mastodon.example/@" + p.author().handle() + "/" + p.id());
		s.put("replies_count", p.replies());
		s.put("reblogs_count", p.reposts());
		s.put("favourites_count", p.likes());
		s.set("account", account(p.author()));
		ArrayNode mentions = s.putArray("mentions");
		for (String h : p.mentions()) {
			mentions.addObject().put("username", h).put("acct", h).put("url", "https://mastodon.example/@" + h);
		}
		ArrayNode tags = s.putArray("tags");
		for (String t : p.hashtags()) {
			tags.addObject().put("name", t.toLowerCase(Locale.ROOT)).put("url", "https://mastodon.example/tags/" + t);
		}
		s.putArray("emojis");
		s.putArray("media_attachments");
		return s;
	}

	static ObjectNode account(SimUser u) {
		ObjectNode a = JSON.createObjectNode();
		a.put("id", u.id());
		a.put("username", u.handle());
		a.put("acct", u.handle());
		a.put("display_name", u.name());
		a.put("bot", false);
		a.put("followers_count", u.followers());
		a.put("statuses_count", 100);
		a.put("url", "https://mastodon.example/@" + u.handle());
		a.put("avatar", "https://mastodon.example/avatars/original/missing.png");
		return a;
	}

	private SimResponse token(SimRequest r) {
		Map<String, String> in = fields(r);
		if (!"authorization_code".equals(in.get("grant_type"))) {
			return SimResponse.json(400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"The authorization grant type is not supported by the authorization server.\"}");
		}
		Optional<SimAuth.App> app = sim.auth().app(in.getOrDefault("client_id", ""));
		if (app.isEmpty() || !app.get().clientSecret().equals(in.getOrDefault("client_secret", ""))) {
			return SimResponse.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.\"}");
		}
		Optional<SimAuth.Issued> issued = sim.auth().exchange(Network.MASTODON, in.getOrDefault("code", ""),
				app.get().clientId(), in.getOrDefault("redirect_uri", ""), in.getOrDefault("code_verifier", ""), null, false,
				r.now());
		if (issued.isEmpty()) {
			return SimResponse.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.\"}");
		}
		ObjectNode out = JSON.createObjectNode();
		out.put("access_token", issued.get().accessToken());
		out.put("token_type", "Bearer");
		out.put("scope", app.get().scopes());
		out.put("created_at", r.now().getEpochSecond());
		return SimResponse.json(200, out.toString());
	}

	private SimResponse authorizePage(SimRequest r) {
		Optional<SimAuth.App> app = sim.auth().app(r.param("client_id").orElse(""));
		if (app.isEmpty()) {
			return SimResponse.html("<!doctype html><p>Client introuvable</p>").with(Map.of());
		}
		StringBuilder options = new StringBuilder();
		for (SimUser u : sim.world().users(Network.MASTODON)) {
			if (u.verified()) {
				options.append("<option value=\"").append(HtmlUtils.htmlEscape(u.id())).append("\">@")
					.append(HtmlUtils.htmlEscape(u.handle())).append("</option>");
			}
		}
		StringBuilder hidden = new StringBuilder();
		for (String name : List.of("response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge",
				"code_challenge_method")) {
			hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
				.append(HtmlUtils.htmlEscape(r.param(name).orElse(""))).append("\">");
		}
		return SimResponse.html("""
				<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mastodon (simulateur) — Autorisation requise</title></head>
				<body><main><h1>Autorisation requise</h1><p><strong>%s</strong> voudrait accéder à votre compte (%s).</p>
				<form method="post" action="authorize">%s
				<label for="user">Compte</label> <select id="user" name="user">%s</select>
				<button type="submit" id="authorize" name="decision" value="allow">Autoriser</button>
				<button type="submit" id="deny" name="decision" value="deny">Refuser</button>
				</form></main></body></html>""".formatted(HtmlUtils.htmlEscape(app.get().name()),
				HtmlUtils.htmlEscape(r.param("scope").orElse("read")), hidden, options));
	}

	private SimResponse approve(SimRequest r) {
		String redirect = r.formField("redirect_uri");
		Optional<SimAuth.App> app = sim.auth().app(r.formField("client_id"));
		if (app.isEmpty() || !app.get().redirectUris().contains(redirect)) {
			return error(400, "The redirect uri included is not valid.");
		}
		String sep = redirect.contains("?") ? "&" : "?";
		String state = URLEncoder.encode(r.formField("state"), StandardCharsets.UTF_8);
		if (!"allow".equals(r.formField("decision"))) {
			return SimResponse.redirect(redirect + sep + "error=access_denied&state=" + state);
		}
		String code = sim.auth().authorize(Network.MASTODON, r.formField("user"), app.get().clientId(), redirect,
				"S256".equals(r.formField("code_challenge_method")) ? r.formField("code_challenge") : "",
				r.formField("scope"), r.now());
		return SimResponse.redirect(redirect + sep + "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state=" + state);
	}

	/** Form or JSON body fields, first value each. */
	private static Map<String, String> fields(SimRequest r) {
		Map<String, String> out = new LinkedHashMap<>();
		String type = r.header("content-type");
		if (type != null && type.contains("json")) {
			JsonNode n = JSON.readTree(r.body().isEmpty() ? "{}" : r.body());
			n.properties().forEach(e -> out.put(e.getKey(), e.getValue().isArray() ? e.getValue().toString() : e.getValue().asString("")));
		}
		else {
			r.form().forEach((k, v) -> out.put(k.replace("[]", ""), v.isEmpty() ? "" : String.join(" ", v)));
		}
		return out;
	}

	@Override
	public SimResponse error(int status, String message) {
		ObjectNode n = JSON.createObjectNode();
		n.put("error", message);
		return SimResponse.json(status, n.toString());
	}

	@Override
	public Map<String, String> rateLimitHeaders(int limit, int remaining, Instant reset) {
		return Map.of("X-RateLimit-Limit", Integer.toString(limit), "X-RateLimit-Remaining", Integer.toString(remaining),
				"X-RateLimit-Reset", iso(reset));
	}

	static String iso(Instant instant) {
		String s = instant.truncatedTo(ChronoUnit.MILLIS).toString();
		return s.matches(".*:\\d\\dZ$") ? s.replace("Z", ".000Z") : s;
	}
}
