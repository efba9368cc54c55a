package org.vigie.simulator.youtube;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
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
 * YouTube Data API v3 ({@code api-reference/youtube}). Ids: a video is its post number in base
 * 36 on 11 characters, a thread (and its top-level comment) {@code Ug} + base 36, a reply
 * {@code <thread>.<base 36>}. Quota: 10,000 units a day per token (list 1, writes 50) and 100
 * searches; over it, 403 {@code quotaExceeded}.
 */
@Component
class YouTubeFake implements NetworkFake {

	static final Duration TOKEN_TTL = Duration.ofHours(1);

	private static final Network YT = Network.YOUTUBE;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String V3 = "/youtube/v3/";

	/** The OAuth client the simulator accepts for Vigie's Google sign-in when none is configured. */
	static final String DEMO_CLIENT_ID = "vigie-demo";

	static final String DEMO_CLIENT_SECRET = "vigie-demo-secret";

	private final Simulator sim;

	private final Set<String> offline = ConcurrentHashMap.newKeySet();

	YouTubeFake(Simulator sim) {
		this.sim = sim;
	}

	@Override
	public Network network() {
		return YT;
	}

	@Override
	public SimResponse error(int status, String message) {
		return switch (status) {
			case 401 -> google(401, "authError", "Request had invalid authentication credentials.", "UNAUTHENTICATED");
			case 429 -> google(429, "rateLimitExceeded", "Too many requests.", "RESOURCE_EXHAUSTED");
			default -> google(status, "backendError", "Backend Error", "UNAVAILABLE");
		};
	}

	/** Some demo shows have a YouTube channel; Google tokens last an hour and refresh. */
	@Override
	public Optional<DemoAccount> demoAccount(SimShow show, Instant now) {
		if (!Set.of("rivages", "le-grand-quiz", "cuisine-de-chez-nous").contains(show.slug())) {
			return Optional.empty();
		}
		return sim.showAccount(YT, show).map(u -> {
			SimAuth.Issued t = sim.auth().issue(YT, u.id(), TOKEN_TTL, true, now);
			return new DemoAccount(u.handle(), u.id(), u.name(), Map.of("access_token", t.accessToken(), "refresh_token",
					t.refreshToken(), "client_id", "sim-google-client", "client_secret", "sim-google-secret"), t.expiresAt());
		});
	}

	@Override
	public Map<String, String> rateLimitHeaders(int limit, int remaining, Instant reset) {
		long seconds = Math.max(0, Duration.between(sim.clock().instant(), reset).getSeconds());
		return remaining > 0 ? Map.of() : Map.of("Retry-After", Long.toString(seconds));
	}

	@Override
	public SimResponse handle(SimRequest r) {
		if (r.is("POST", "/token")) {
			return token(r);
		}
		if (r.path().equals("/o/oauth2/v2/auth")) {
			return "POST".equals(r.method()) ? approve(r) : consent(r);
		}
		if (!r.path().startsWith(V3)) {
			return google(404, "notFound", "Not Found", "NOT_FOUND");
		}
		Optional<String> me = sim.auth().userOf(YT, r.bearer(), r.now());
		if (me.isEmpty()) {
			return error(401, "");
		}
		SimUser channel = sim.world().user(YT, me.get()).orElseThrow();
		String resource = r.method() + " " + r.path().substring(V3.length());
		boolean search = resource.equals("GET search");
		long cost = resource.startsWith("GET ") ? 1 : 50;
		RateWindows.Window w = sim.windows().hit("youtube:" + r.bearer() + (search ? ":search" : ":units:" + cost),
				search ? 100 : (int) (10_000 / cost), Duration.ofDays(1), r.now());
		if (!w.allowed()) {
			return google(403, "quotaExceeded", "The request cannot be completed because you have exceeded your quota.", null);
		}
		return switch (resource) {
			case "GET commentThreads" -> threads(r, channel);
			case "GET comments" -> replies(r);
			case "GET search" -> search(r);
			case "GET videos" -> statistics(r, channel, true);
			case "GET channels" -> statistics(r, channel, false);
			case "POST comments" -> reply(r, channel);
			case "POST comments/setModerationStatus" -> moderate(r);
			case "DELETE comments" -> delete(r, channel);
			default -> google(404, "notFound", "Unknown resource " + resource, "NOT_FOUND");
		};
	}

	/** Google's consent screen: the account (channel) to sign in with; {@code access_type=offline} promises a refresh token. */
	private SimResponse consent(SimRequest r) {
		if (!DEMO_CLIENT_ID.equals(r.param("client_id").orElse(""))) {
			return SimResponse.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"The OAuth client was not found.\"}");
		}
		StringBuilder options = new StringBuilder();
		for (SimUser u : sim.world().users(YT)) {
			if (u.verified()) {
				options.append("<option value=\"").append(HtmlUtils.htmlEscape(u.id())).append("\">")
					.append(HtmlUtils.htmlEscape(u.name())).append("</option>");
			}
		}
		StringBuilder hidden = new StringBuilder();
		for (String name : List.of("client_id", "redirect_uri", "response_type", "scope", "state", "access_type", "prompt",
				"code_challenge", "code_challenge_method")) {
			hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
				.append(HtmlUtils.htmlEscape(r.param(name).orElse(""))).append("\">");
		}
		return SimResponse.html("""
				<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Google (simulateur) — Choisir un compte</title></head>
				<body><main><h1>Google (simulateur)</h1>
				<p>L'application <strong>%s</strong> souhaite accéder à votre compte Google : %s</p>
				<form method="post" action="auth">%s
				<label for="user">Chaîne</label> <select id="user" name="user">%s</select>
				<button type="submit" id="authorize" name="decision" value="allow">Autoriser</button>
				<button type="submit" id="deny" name="decision" value="deny">Annuler</button>
				</form></main></body></html>""".formatted(HtmlUtils.htmlEscape(r.param("client_id").orElse("?")),
				HtmlUtils.htmlEscape(r.param("scope").orElse("")), hidden, options));
	}

	private SimResponse approve(SimRequest r) {
		String redirect = r.formField("redirect_uri");
		String sep = redirect.contains("?") ? "&" : "?";
		String state = URLEncoder.encode(r.formField("state"), StandardCharsets.UTF_8);
		if (!"allow".equals(r.formField("decision"))) {
			return SimResponse.redirect(redirect + sep + "error=access_denied&state=" + state);
		}
		String code = sim.auth().authorize(YT, r.formField("user"), r.formField("client_id"), redirect,
				"S256".equals(r.formField("code_challenge_method")) ? r.formField("code_challenge") : "",
				r.formField("scope"), r.now());
		if ("offline".equals(r.formField("access_type"))) {
			offline.add(code);
		}
		return SimResponse.redirect(redirect + sep + "state=" + state + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
				+ "&scope=" + URLEncoder.encode(r.formField("scope"), StandardCharsets.UTF_8));
	}

	private SimResponse token(SimRequest r) {
		if ("authorization_code".equals(r.formField("grant_type"))) {
			if (!DEMO_CLIENT_ID.equals(r.formField("client_id")) || !DEMO_CLIENT_SECRET.equals(r.formField("client_secret"))) {
				return SimResponse.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
			}
			String code = r.formField("code");
			boolean withRefresh = offline.remove(code);
			Optional<SimAuth.Issued> issued = sim.auth().exchange(YT, code, r.formField("client_id"),
					r.formField("redirect_uri"), r.formField("code_verifier"), TOKEN_TTL, withRefresh, r.now());
			if (issued.isEmpty()) {
				return SimResponse.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}");
			}
			ObjectNode o = JSON.createObjectNode();
			o.put("access_token", issued.get().accessToken()).put("expires_in", TOKEN_TTL.getSeconds() - 1);
			if (withRefresh) {
				o.put("refresh_token", issued.get().refreshToken());
			}
			o.put("scope", "https://www.googleapis.com/auth/youtube.force-ssl").put("token_type", "Bearer");
			return SimResponse.json(200, o.toString());
		}
		if (!"refresh_token".equals(r.formField("grant_type"))) {
			return SimResponse.json(400, "{\"error\":\"unsupported_grant_type\"}");
		}
		Optional<SimAuth.Issued> issued = sim.auth().refresh(YT, r.formField("refresh_token"), TOKEN_TTL, r.now());
		if (issued.isEmpty()) {
			return SimResponse.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
		}
		ObjectNode o = JSON.createObjectNode();
		o.put("access_token", issued.get().accessToken()).put("expires_in", TOKEN_TTL.getSeconds() - 1)
			.put("scope", "https://www.googleapis.com/auth/youtube.force-ssl").put("token_type", "Bearer");
		// Google keeps the refresh token; the simulator rotates it, so it hands the new one back.
		o.put("refresh_token", issued.get().refreshToken());
		return SimResponse.json(200, o.toString());
	}

	static String b36(SimPost p) {
		return Long.toString(p.number(), 36);
	}

	static String videoId(SimPost p) {
		String s = b36(p);
		return s.length() >= 11 ? s : "0".repeat(11 - s.length()) + s;
	}

	static String threadId(SimPost p) {
		return "Ug" + b36(p);
	}

	/** The post behind a video, thread or reply id. */
	Optional<SimPost> find(String id) {
		try {
			String part = id.contains(".") ? id.substring(id.indexOf('.') + 1) : id.startsWith("Ug") ? id.substring(2) : id;
			return sim.world().find(YT, Long.toString(Long.parseLong(part, 36)));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private boolean isVideoOf(SimPost p, SimUser channel) {
		return p.inReplyToId() == null && !p.isDirect() && p.author().id().equals(channel.id());
	}

	/** Top-level comments of the channel: comments on its videos, and posts of others that mention it. */
	private boolean isThreadOf(SimPost p, SimUser channel) {
		if (p.isDirect() || p.author().id().equals(channel.id()) && p.inReplyToId() == null) {
			return false;
		}
		if (p.inReplyToId() == null) {
			return p.mentions(channel.handle());
		}
		return p.inReplyToId().equals(p.conversationId())
				&& sim.world().find(YT, p.conversationId()).map(v -> isVideoOf(v, channel)).orElse(false);
	}

	/**
	 * The top-level comment a post hangs under: walking up, a root post by a channel (verified) is
	 * a video, so the comment just below it is the thread; a root post by anyone else is itself a
	 * thread (a post that mentions the channel).
	 */
	private SimPost threadOf(SimPost reply) {
		SimPost at = reply;
		for (int i = 0; i < 50 && at.inReplyToId() != null; i++) {
			Optional<SimPost> up = sim.world().find(YT, at.inReplyToId());
			if (up.isEmpty() || up.get().inReplyToId() == null && up.get().author().verified()) {
				break;
			}
			at = up.get();
		}
		return at;
	}

	private String videoOf(SimPost thread) {
		if (thread.inReplyToId() != null) {
			return sim.world().find(YT, thread.conversationId()).map(YouTubeFake::videoId).orElse("00000000000");
		}
		return "00000000000";
	}

	private List<SimPost> repliesOf(SimPost thread) {
		List<SimPost> out = new ArrayList<>(sim.world().query(YT, sim.clock().instant(), p -> !p.isDirect()
				&& p.inReplyToId() != null && !p.id().equals(thread.id()) && p.conversationId().equals(thread.conversationId())
				&& threadOf(p).id().equals(thread.id())));
		out.sort(Comparator.comparingLong(SimPost::number));
		return out;
	}

	private SimResponse threads(SimRequest r, SimUser channel) {
		String related = r.param("allThreadsRelatedToChannelId").orElse(channel.id());
		SimUser of = sim.world().user(YT, related).orElse(channel);
		List<SimPost> threads = sim.world().query(YT, r.now(), p -> isThreadOf(p, of));
		int max = Math.max(1, Math.min(100, Integer.parseInt(r.param("maxResults").orElse("20"))));
		int from = r.param("pageToken").map(YouTubeFake::untoken).orElse(0);
		List<SimPost> slice = threads.subList(Math.min(from, threads.size()), Math.min(threads.size(), from + max));
		ObjectNode body = JSON.createObjectNode();
		body.put("kind", "youtube#commentThreadListResponse").put("etag", "t" + threads.size());
		if (from + max < threads.size()) {
			body.put("nextPageToken", pageToken(from + max));
		}
		body.putObject("pageInfo").put("totalResults", slice.size()).put("resultsPerPage", max);
		ArrayNode items = body.putArray("items");
		for (SimPost t : slice) {
			ObjectNode thread = items.addObject();
			thread.put("kind", "youtube#commentThread").put("etag", "e" + t.id()).put("id", threadId(t));
			List<SimPost> replies = repliesOf(t);
			ObjectNode snippet = thread.putObject("snippet");
			snippet.put("channelId", of.id()).put("videoId", videoOf(t));
			snippet.set("topLevelComment", comment(t, null, of));
			snippet.put("canReply", true).put("totalReplyCount", replies.size()).put("isPublic", true);
			if (!replies.isEmpty() && r.param("part").orElse("").contains("replies")) {
				ArrayNode embedded = thread.putObject("replies").putArray("comments");
				replies.stream().limit(5).forEach(reply -> embedded.add(comment(reply, t, of)));
			}
		}
		return SimResponse.json(200, body.toString());
	}

	private ObjectNode comment(SimPost c, SimPost thread, SimUser channel) {
		ObjectNode o = JSON.createObjectNode();
		o.put("kind", "youtube#comment").put("etag", "c" + c.id());
		o.put("id", thread == null ? threadId(c) : threadId(thread) + "." + b36(c));
		ObjectNode s = o.putObject("snippet");
		s.put("channelId", channel.id()).put("videoId", videoOf(thread == null ? c : thread));
		s.put("textDisplay", HtmlUtils.htmlEscape(c.text())).put("textOriginal", c.text());
		if (thread != null) {
			s.put("parentId", threadId(thread));
		}
		s.put("authorDisplayName", "@" + c.author().handle())
			.put("authorProfileImageUrl", "https://yt3.ggpht.com/" + c.author().id() + "=s48")
			.put("authorChannelUrl", "http://www.youtube.com/@" + c.author().handle());
		s.putObject("authorChannelId").put("value", c.author().id());
		s.put("canRate", true).put("viewerRating", "none").put("likeCount", c.likes());
		if (!c.malformed()) {
			s.put("publishedAt", c.createdAt().toString()).put("updatedAt", c.createdAt().toString());
		}
		return o;
	}

	private SimResponse replies(SimRequest r) {
		Optional<SimPost> thread = find(r.param("parentId").orElse(""));
		if (thread.isEmpty()) {
			return google(404, "commentNotFound", "The comment identified by the parentId parameter could not be found.", null);
		}
		SimUser channel = sim.world().user(YT, sim.auth().userOf(YT, r.bearer(), r.now()).orElseThrow()).orElseThrow();
		List<SimPost> replies = repliesOf(thread.get());
		ObjectNode body = JSON.createObjectNode();
		body.put("kind", "youtube#commentListResponse");
		ArrayNode items = body.putArray("items");
		replies.forEach(reply -> items.add(comment(reply, thread.get(), channel)));
		return SimResponse.json(200, body.toString());
	}

	private SimResponse search(SimRequest r) {
		String q = r.param("q").orElse("").toLowerCase(Locale.ROOT);
		Instant after = r.param("publishedAfter").map(Instant::parse).orElse(Instant.EPOCH);
		List<SimPost> found = sim.world().query(YT, r.now(), p -> !p.isDirect() && p.inReplyToId() == null
				&& !p.createdAt().isBefore(after) && p.text().toLowerCase(Locale.ROOT).contains(q));
		int max = Math.max(1, Math.min(50, Integer.parseInt(r.param("maxResults").orElse("5"))));
		int from = r.param("pageToken").map(YouTubeFake::untoken).orElse(0);
		List<SimPost> slice = found.subList(Math.min(from, found.size()), Math.min(found.size(), from + max));
		ObjectNode body = JSON.createObjectNode();
		body.put("kind", "youtube#searchListResponse").put("regionCode", "FR");
		if (from + max < found.size()) {
			body.put("nextPageToken", pageToken(from + max));
		}
		ArrayNode items = body.putArray("items");
		for (SimPost p : slice) {
			ObjectNode item = items.addObject();
			item.put("kind", "youtube#searchResult");
			item.putObject("id").put("kind", "youtube#video").put("videoId", videoId(p));
			ObjectNode s = item.putObject("snippet");
			if (!p.malformed()) {
				s.put("publishedAt", p.createdAt().toString());
			}
			s.put("channelId", p.author().id()).put("title", p.text().length() > 100 ? p.text().substring(0, 100) : p.text())
				.put("description", p.text()).put("channelTitle", p.author().name()).put("liveBroadcastContent", "none");
		}
		return SimResponse.json(200, body.toString());
	}

	private SimResponse statistics(SimRequest r, SimUser channel, boolean video) {
		String id = !video && "true".equals(r.param("mine").orElse("")) ? channel.id() : r.param("id").orElse("");
		ObjectNode body = JSON.createObjectNode();
		body.put("kind", video ? "youtube#videoListResponse" : "youtube#channelListResponse");
		ArrayNode items = body.putArray("items");
		if (video) {
			find(id).ifPresent(p -> {
				ObjectNode s = items.addObject().put("kind", "youtube#video").put("id", id).putObject("statistics");
				s.put("viewCount", Long.toString(p.impressions() * 4)).put("likeCount", Long.toString(p.likes()))
					.put("favoriteCount", "0").put("commentCount", Long.toString(p.replies()));
			});
		}
		else {
			sim.world().user(YT, id).ifPresent(u -> {
				ObjectNode c = items.addObject().put("kind", "youtube#channel").put("id", id);
				if (r.param("part").orElse("").contains("snippet")) {
					c.putObject("snippet").put("title", u.name()).put("description", "").put("customUrl", "@" + u.handle().toLowerCase(Locale.ROOT))
						.put("publishedAt", "2019-03-01T10:00:00Z");
				}
				ObjectNode s = c.putObject("statistics");
				s.put("subscriberCount", Long.toString(u.followers())).put("viewCount", Long.toString(u.followers() * 37))
					.put("videoCount", Integer.toString(sim.world().postsBy(YT, u, r.now()).size()));
			});
		}
		return SimResponse.json(200, body.toString());
	}

	private SimResponse reply(SimRequest r, SimUser channel) {
		JsonNode body = JSON.readTree(r.body().isBlank() ? "{}" : r.body());
		Optional<SimPost> thread = find(body.path("snippet").path("parentId").asString(""));
		if (thread.isEmpty()) {
			return google(404, "commentNotFound", "The parent comment could not be found.", null);
		}
		SimPost reply = sim.world().post(YT, channel, body.path("snippet").path("textOriginal").asString(""), r.now(),
				thread.get(), null, "fr", thread.get().show());
		return SimResponse.json(200, comment(reply, thread.get(), channel).toString());
	}

	private SimResponse moderate(SimRequest r) {
		Optional<SimPost> c = find(r.param("id").orElse(""));
		String status = r.param("moderationStatus").orElse("");
		if (c.isEmpty()) {
			return google(404, "commentNotFound", "The comment could not be found.", null);
		}
		if (status.equals("rejected")) {
			sim.world().delete(YT, c.get().id());
		}
		else {
			sim.world().update(YT, c.get().id(), p -> p.withHidden("heldForReview".equals(status)));
		}
		return new SimResponse(204, Map.of(), "", "application/json");
	}

	private SimResponse delete(SimRequest r, SimUser channel) {
		Optional<SimPost> c = find(r.param("id").orElse(""));
		if (c.isEmpty()) {
			return google(404, "commentNotFound", "The comment could not be found.", null);
		}
		if (!c.get().author().id().equals(channel.id())) {
			return google(403, "forbidden", "The comment could not be deleted: you are not its author.", null);
		}
		sim.world().delete(YT, c.get().id());
		return new SimResponse(204, Map.of(), "", "application/json");
	}

	static SimResponse google(int code, String reason, String message, String status) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("code", code).put("message", message);
		error.putArray("errors").addObject().put("message", message).put("domain", "youtube").put("reason", reason);
		if (status != null) {
			error.put("status", status);
		}
		return SimResponse.json(code, body.toString());
	}

	private static String pageToken(int offset) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("p" + offset).getBytes());
	}

	private static int untoken(String token) {
		try {
			return Integer.parseInt(new String(Base64.getUrlDecoder().decode(token)).substring(1));
		}
		catch (RuntimeException e) {
			return 0;
		}
	}
}
