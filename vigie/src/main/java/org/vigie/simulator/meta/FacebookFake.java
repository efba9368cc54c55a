package org.vigie.simulator.meta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigie.shared.Network;
import org.vigie.simulator.NetworkFake;
import org.vigie.simulator.SimShow;
import org.vigie.simulator.DemoAccount;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimRequest;
import org.vigie.simulator.SimResponse;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;

/**
 * Facebook Pages on the Graph API ({@code api-reference/facebook}): a Page is a simulated user;
 * its posts are the root posts it wrote, its visitor posts the root posts of others that mention
 * it, comments are the replies in a post's thread (one level deep as Graph shows them), Messenger
 * conversations its direct messages. Ids are Graph's: {@code PAGE_POST} for posts,
 * {@code POST_COMMENT} for comments, {@code m_…} for messages, {@code t_…} for conversations.
 */
@Component
class FacebookFake implements NetworkFake {

	private static final Network FB = Network.FACEBOOK;

	private static final Pattern OBJECT = Pattern.compile("/([^/]+)(/[a-z_]+)?");

	private final Simulator sim;

	private final MetaLogin login;

	private final MetaWebhooks webhooks;

	FacebookFake(Simulator sim, MetaLogin login, MetaWebhooks webhooks) {
		this.sim = sim;
		this.login = login;
		this.webhooks = webhooks;
	}

	@Override
	public Network network() {
		return FB;
	}

	@Override
	public SimResponse error(int status, String message) {
		if (status == 429) {
			return Graph.error(400, 32, "(#32) Page request limit reached", true);
		}
		if (status == 401) {
			return Graph.error(400, 190, "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.", false);
		}
		return Graph.error(status, 2, "Service temporarily unavailable", true);
	}

	/** Every demo show has a Facebook Page; Page tokens from a long-lived user token do not expire. */
	@Override
	public Optional<DemoAccount> demoAccount(SimShow show, Instant now) {
		return sim.showAccount(FB, show).map(u -> new DemoAccount(u.handle(), u.id(), u.name(),
				Map.of("page_token", sim.auth().issue(FB, u.id(), null, false, now).accessToken()), null));
	}

	@Override
	public Map<String, String> rateLimitHeaders(int limit, int remaining, Instant reset) {
		return Graph.usage("page", limit, remaining, reset, sim.clock().instant());
	}

	@Override
	public SimResponse handle(SimRequest r) {
		Optional<SimResponse> auth = login.handle(r);
		if (auth.isPresent()) {
			return auth.get();
		}
		if (!r.path().startsWith(Graph.VERSION + "/")) {
			return Graph.error(400, 2500, "Unknown path components: " + r.path(), false);
		}
		Optional<String> me = sim.auth().userOf(FB, Graph.token(r), r.now());
		if (me.isEmpty()) {
			return error(401, "");
		}
		Optional<SimResponse> throttled = Graph.throttle(sim, r, me.get());
		if (throttled.isPresent()) {
			return throttled.get();
		}
		SimUser page = sim.world().user(FB, me.get()).orElseThrow();
		Matcher m = OBJECT.matcher(r.path().substring(Graph.VERSION.length()));
		if (!m.matches()) {
			return Graph.error(400, 2500, "Unknown path components: " + r.path(), false);
		}
		String object = m.group(1);
		String edge = m.group(2) == null ? "" : m.group(2);
		SimResponse answer = route(r, page, object, edge);
		return answer.with(Graph.usage(page.id(), Graph.CALLS_PER_HOUR, Graph.CALLS_PER_HOUR / 2, r.now(), r.now()));
	}

	private SimResponse route(SimRequest r, SimUser page, String object, String edge) {
		String method = r.method();
		boolean isPage = object.equals(page.id());
		if (isPage && method.equals("GET")) {
			return switch (edge) {
				case "/feed" -> ok(Graph.page(r, since(r, roots(page, true, true)), false, p -> post(page, p)));
				case "/published_posts", "/posts" -> ok(Graph.page(r, since(r, roots(page, true, false)), false, p -> post(page, p)));
				case "/visitor_posts" -> ok(Graph.page(r, since(r, roots(page, false, true)), false, p -> post(page, p)));
				case "/tagged" -> ok(Graph.page(r, List.of(), false, p -> post(page, p)));
				case "/conversations" -> conversations(r, page);
				case "/insights" -> insights(r, page, null);
				case "" -> {
					ObjectNode o = Graph.JSON.createObjectNode().put("id", page.id()).put("name", page.name());
					if (r.param("fields").orElse("").contains("instagram_business_account")) {
						login.instagramOf(page.id()).ifPresent(ig -> o.putObject("instagram_business_account")
							.put("id", ig.id()).put("username", ig.handle()));
					}
					yield ok(o);
				}
				default -> Graph.error(400, 100, "(#100) Unknown edge " + edge, false);
			};
		}
		if (isPage && method.equals("POST") && edge.equals("/feed")) {
			SimPost p = sim.world().post(FB, page, r.formField("message"), r.now(), null, null, "fr", null);
			return ok(Graph.JSON.createObjectNode().put("id", page.id() + "_" + p.id()));
		}
		if (isPage && method.equals("POST") && edge.equals("/messages")) {
			return send(r, page);
		}
		if (isPage && method.equals("POST") && edge.equals("/subscribed_apps")) {
			// The Page's webhooks (and, through it, its Instagram account's) are now pushed.
			webhooks.subscribe(FB, page.id());
			login.instagramOf(page.id()).ifPresent(ig -> webhooks.subscribe(Network.INSTAGRAM, ig.id()));
			return ok(Graph.JSON.createObjectNode().put("success", true));
		}
		if (object.startsWith("m_")) {
			return message(object.substring(2), page);
		}
		Optional<SimPost> target = sim.world().find(FB, Graph.simId(object));
		if (target.isEmpty() || target.get().isDirect()) {
			return Graph.error(400, 100, "(#100) Object with ID '" + object + "' does not exist, cannot be loaded due to missing permissions, or does not support this operation", false);
		}
		SimPost p = target.get();
		return switch (method + " " + edge) {
			case "GET /comments" -> comments(r, page, p);
			case "GET /insights" -> insights(r, page, p);
			case "GET " -> ok(p.inReplyToId() == null ? post(page, p) : comment(page, p));
			case "POST /comments" -> {
				SimPost reply = sim.world().post(FB, page, r.formField("message"), r.now(), p, null, "fr", p.show());
				yield ok(Graph.JSON.createObjectNode().put("id", p.conversationId() + "_" + reply.id()));
			}
			case "POST /likes" -> {
				sim.world().update(FB, p.id(), x -> x.withLikes(x.likes() + 1));
				yield ok(Graph.JSON.createObjectNode().put("success", true));
			}
			case "POST " -> {
				String hidden = r.formField("is_hidden");
				if (hidden.isEmpty() || p.inReplyToId() == null) {
					yield Graph.error(400, 100, "(#100) Only comments can be hidden", false);
				}
				sim.world().update(FB, p.id(), x -> x.withHidden(Boolean.parseBoolean(hidden)));
				yield ok(Graph.JSON.createObjectNode().put("success", true));
			}
			case "DELETE " -> {
				sim.world().delete(FB, p.id());
				yield ok(Graph.JSON.createObjectNode().put("success", true));
			}
			default -> Graph.error(400, 100, "(#100) Unsupported " + method + " request on " + object + edge, false);
		};
	}

	/** The Page's own root posts and/or the root posts of others on it (that mention it), newest first. */
	private List<SimPost> roots(SimUser page, boolean own, boolean visitors) {
		return sim.world().query(FB, sim.clock().instant(), p -> !p.isDirect() && p.inReplyToId() == null
				&& ((own && p.author().id().equals(page.id())) || (visitors && !p.author().id().equals(page.id())
						&& p.mentions(page.handle()))));
	}

	private static List<SimPost> since(SimRequest r, List<SimPost> posts) {
		Instant since = Graph.since(r);
		return posts.stream().filter(p -> !p.createdAt().isBefore(since)).toList();
	}

	private ObjectNode post(SimUser page, SimPost p) {
		ObjectNode o = Graph.JSON.createObjectNode();
		o.put("id", page.id() + "_" + p.id());
		o.put("message", p.text());
		if (!p.malformed()) {
			o.put("created_time", Graph.time(p.createdAt()));
		}
		o.put("updated_time", Graph.time(lastActivity(p)));
		o.put("permalink_url", "https://www.facebook.com/" + page.handle() + "/posts/" + p.id());
		o.putObject("from").put("id", p.author().id()).put("name", p.author().name());
		o.putObject("shares").put("count", p.reposts());
		o.putObject("reactions").putArray("data");
		((ObjectNode) o.get("reactions")).putObject("summary").put("total_count", p.likes()).put("viewer_reaction", "NONE");
		o.putObject("comments").putArray("data");
		((ObjectNode) o.get("comments")).putObject("summary").put("order", "ranked").put("total_count", p.replies())
			.put("can_comment", true);
		return o;
	}

	private Instant lastActivity(SimPost root) {
		return sim.world().query(FB, sim.clock().instant(), p -> p.conversationId().equals(root.id()) && !p.isDirect())
			.stream().map(SimPost::createdAt).max(Comparator.naturalOrder()).orElse(root.createdAt());
	}

	/** {@code filter=stream} (default here): every comment and reply of the post, flattened; {@code order=chronological} oldest first. */
	private SimResponse comments(SimRequest r, SimUser page, SimPost root) {
		boolean chronological = !"reverse_chronological".equals(r.param("order").orElse("chronological"));
		boolean topLevel = "toplevel".equals(r.param("filter").orElse("stream"));
		List<SimPost> all = new ArrayList<>(sim.world().query(FB, r.now(), p -> !p.isDirect()
				&& p.conversationId().equals(root.conversationId()) && p.inReplyToId() != null
				&& (!topLevel || p.inReplyToId().equals(root.id()))));
		Instant since = Graph.since(r);
		all.removeIf(p -> p.createdAt().isBefore(since));
		if (chronological) {
			all.sort(Comparator.comparingLong(SimPost::number));
		}
		ObjectNode body = Graph.page(r, all, chronological, p -> comment(page, p));
		body.putObject("summary").put("order", chronological ? "chronological" : "reverse_chronological")
			.put("total_count", all.size()).put("can_comment", true);
		return ok(body);
	}

	private ObjectNode comment(SimUser page, SimPost c) {
		ObjectNode o = Graph.JSON.createObjectNode();
		o.put("id", c.conversationId() + "_" + c.id());
		o.put("message", c.text());
		if (!c.malformed()) {
			o.put("created_time", Graph.time(c.createdAt()));
		}
		o.putObject("from").put("name", c.author().name()).put("id", c.author().id());
		String parent = topLevel(c);
		if (!parent.equals(c.conversationId())) {
			o.putObject("parent").put("id", c.conversationId() + "_" + parent);
		}
		o.put("like_count", c.likes()).put("comment_count", c.replies()).put("is_hidden", c.hidden())
			.put("can_hide", !c.author().id().equals(page.id()));
		o.put("permalink_url", "https://www.facebook.com/" + page.handle() + "/posts/" + c.conversationId() + "?comment_id=" + c.id());
		return o;
	}

	/** Graph shows replies one level deep: a reply to a reply hangs under the top-level comment. */
	private String topLevel(SimPost c) {
		SimPost at = c;
		for (int i = 0; i < 50 && at.inReplyToId() != null && !at.inReplyToId().equals(at.conversationId()); i++) {
			Optional<SimPost> up = sim.world().find(FB, at.inReplyToId());
			if (up.isEmpty()) {
				break;
			}
			at = up.get();
		}
		return at.inReplyToId() == null ? at.id() : at.inReplyToId().equals(at.conversationId()) ? at.id() : at.inReplyToId();
	}

	/** Messenger: one conversation per person who wrote to the Page, newest first. */
	private SimResponse conversations(SimRequest r, SimUser page) {
		Map<String, List<SimPost>> byFan = new LinkedHashMap<>();
		for (SimPost dm : sim.world().directMessagesOf(FB, page, r.now())) {
			String fan = dm.author().id().equals(page.id()) ? dm.directTo().id() : dm.author().id();
			byFan.computeIfAbsent(fan, k -> new ArrayList<>()).add(dm);
		}
		String onlyUser = r.param("user_id").orElse("");
		List<Map.Entry<String, List<SimPost>>> conversations = byFan.entrySet().stream()
			.filter(e -> onlyUser.isEmpty() || e.getKey().equals(onlyUser))
			.toList();
		int limit = Graph.limit(r);
		int from = 0;
		if (r.param("after").isPresent()) {
			from = (int) Math.max(0, Graph.uncursor(r.param("after").get()));
		}
		ObjectNode body = Graph.JSON.createObjectNode();
		ArrayNode data = body.putArray("data");
		int to = Math.min(conversations.size(), from + limit);
		for (int i = from; i < to; i++) {
			Map.Entry<String, List<SimPost>> c = conversations.get(i);
			ObjectNode o = data.addObject();
			o.put("id", "t_" + page.id() + c.getKey());
			o.put("updated_time", Graph.time(c.getValue().get(0).createdAt()));
			ArrayNode participants = o.putObject("participants").putArray("data");
			participants.addObject().put("id", c.getKey()).put("name", sim.world().user(FB, c.getKey()).map(SimUser::name).orElse("?"));
			participants.addObject().put("id", page.id()).put("name", page.name());
			ArrayNode messages = o.putObject("messages").putArray("data");
			c.getValue().stream().limit(20).forEach(dm -> messages.add(messageJson(dm)));
		}
		ObjectNode paging = body.putObject("paging");
		if (to < conversations.size()) {
			paging.putObject("cursors").put("after", Graph.cursor(Integer.toString(to)));
			paging.put("next", r.base() + r.path() + "?after=" + Graph.cursor(Integer.toString(to)));
		}
		return ok(body);
	}

	private ObjectNode messageJson(SimPost dm) {
		ObjectNode m = Graph.JSON.createObjectNode();
		m.put("id", "m_" + dm.id());
		m.put("message", dm.text());
		if (!dm.malformed()) {
			m.put("created_time", Graph.time(dm.createdAt()));
		}
		m.putObject("from").put("id", dm.author().id()).put("name", dm.author().name());
		return m;
	}

	private SimResponse message(String simId, SimUser page) {
		return sim.world().find(FB, simId).filter(SimPost::isDirect).map(dm -> ok(messageJson(dm)))
			.orElseGet(() -> Graph.error(400, 100, "(#100) Unknown message m_" + simId, false));
	}

	/** Send API: only inside the 24-hour window after the person's last message (error #10, subcode 2018278 otherwise). */
	private SimResponse send(SimRequest r, SimUser page) {
		JsonNode body = Graph.JSON.readTree(r.body().isBlank() ? "{}" : r.body());
		String psid = body.path("recipient").path("id").asString("");
		Optional<SimUser> fan = sim.world().user(FB, psid);
		if (fan.isEmpty()) {
			return Graph.error(400, 100, "(#100) No matching user found", false);
		}
		Optional<SimPost> last = sim.world().directMessagesOf(FB, page, r.now()).stream()
			.filter(dm -> dm.author().id().equals(psid)).findFirst();
		if (last.isEmpty() || last.get().createdAt().plus(java.time.Duration.ofHours(24)).isBefore(r.now())) {
			return Graph.error(400, 10, "(#10) This message is sent outside of allowed window.", false);
		}
		SimPost sent = sim.world().post(FB, page, body.path("message").path("text").asString(""), r.now(), null, fan.get(),
				"fr", null);
		return ok(Graph.JSON.createObjectNode().put("recipient_id", psid).put("message_id", "m_" + sent.id()));
	}

	/** Page or post insights from the world's counters; a retired metric fails the whole request, as Graph does. */
	private SimResponse insights(SimRequest r, SimUser page, SimPost post) {
		List<String> metrics = List.of(r.param("metric").orElse("").split(","));
		for (String metric : metrics) {
			if (Graph.RETIRED.contains(metric.trim())) {
				return Graph.invalidMetric(metric.trim());
			}
		}
		ObjectNode body = Graph.JSON.createObjectNode();
		ArrayNode data = body.putArray("data");
		String objectId = post == null ? page.id() : page.id() + "_" + post.id();
		String period = post == null ? r.param("period").orElse("day") : "lifetime";
		long reach = post == null ? 100 + page.followers() / 10 : post.impressions();
		long likes = post == null ? 0 : post.likes();
		for (String metric : metrics) {
			String name = metric.trim();
			ObjectNode m = Graph.JSON.createObjectNode();
			m.put("name", name).put("period", period);
			ObjectNode value = m.putArray("values").addObject();
			switch (name) {
				case "post_reactions_by_type_total" -> value.putObject("value").put("like", likes).put("love", likes / 3);
				case "post_clicks" -> value.put("value", reach / 7);
				case "post_total_media_view_unique", "page_total_media_view_unique" -> value.put("value", reach);
				case "page_follows" -> value.put("value", page.followers());
				case "page_post_engagements" -> value.put("value", reach / 5);
				default -> {
					continue;
				}
			}
			m.put("title", name).put("id", objectId + "/insights/" + name + "/" + period);
			data.add(m);
		}
		return ok(body);
	}

	private static SimResponse ok(ObjectNode body) {
		return SimResponse.json(200, body.toString());
	}
}
