package org.vigie.simulator.meta;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
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
 * Instagram professional accounts on the Graph API, Facebook-Login flavour
 * ({@code api-reference/instagram}): own media are the account's root posts, comments the
 * replies to them (replies nested under their top-level comment), tags the root posts of others
 * that mention it, hashtag search over root posts with at most 30 unique hashtags per account in
 * 7 days (error #24 beyond), and media insights where {@code impressions}/{@code plays} fail the
 * request (#100) since their 2025 replacement by {@code views}.
 */
@Component
class InstagramFake implements NetworkFake {

	private static final Network IG = Network.INSTAGRAM;

	private static final Pattern OBJECT = Pattern.compile("/([^/]+)(/[a-z_]+)?");

	private static final Pattern MENTIONED = Pattern.compile("mentioned_(comment|media)\\.(?:comment|media)_id\\((\\d+)\\)");

	private final Simulator sim;

	private final Map<String, Map<String, Instant>> hashtagsByUser = new ConcurrentHashMap<>();

	private final MetaLogin login;

	InstagramFake(Simulator sim, MetaLogin login) {
		this.sim = sim;
		this.login = login;
	}

	@Override
	public Network network() {
		return IG;
	}

	@Override
	public SimResponse error(int status, String message) {
		if (status == 429) {
			return Graph.error(400, 80002, "(#80002) There have been too many calls to this Instagram account.", true);
		}
		if (status == 401) {
			return Graph.error(400, 190, "Error validating access token: The user has not authorized application.", false);
		}
		return Graph.error(status, 2, "Service temporarily unavailable", true);
	}

	/** Most demo shows have an Instagram account (not the Sunday debate); read with the linked Page's token. */
	@Override
	public Optional<DemoAccount> demoAccount(SimShow show, Instant now) {
		if (show.slug().equals("le-debat-du-dimanche")) {
			return Optional.empty();
		}
		return sim.showAccount(IG, show).map(u -> new DemoAccount(u.handle(), u.id(), u.name(),
				Map.of("page_token", sim.auth().issue(IG, u.id(), null, false, now).accessToken()), null));
	}

	@Override
	public Map<String, String> rateLimitHeaders(int limit, int remaining, Instant reset) {
		return Graph.usage("instagram", limit, remaining, reset, sim.clock().instant());
	}

	@Override
	public SimResponse handle(SimRequest r) {
		if (!r.path().startsWith(Graph.VERSION + "/")) {
			return Graph.error(400, 2500, "Unknown path components: " + r.path(), false);
		}
		Optional<String> me = sim.auth().userOf(IG, Graph.token(r), r.now()).or(() -> pageTokenUser(r));
		if (me.isEmpty()) {
			return error(401, "");
		}
		Optional<SimResponse> throttled = Graph.throttle(sim, r, me.get());
		if (throttled.isPresent()) {
			return throttled.get();
		}
		SimUser user = sim.world().user(IG, me.get()).orElseThrow();
		Matcher m = OBJECT.matcher(r.path().substring(Graph.VERSION.length()));
		if (!m.matches()) {
			return Graph.error(400, 2500, "Unknown path components: " + r.path(), false);
		}
		return route(r, user, m.group(1), m.group(2) == null ? "" : m.group(2));
	}

	/**
	 * With Facebook Login the Instagram account is read with its Page's token: the request names
	 * the IG user (or one of its objects) and the token belongs to the linked Page.
	 */
	private Optional<String> pageTokenUser(SimRequest r) {
		Optional<String> page = sim.auth().userOf(Network.FACEBOOK, Graph.token(r), r.now());
		if (page.isEmpty()) {
			return Optional.empty();
		}
		return login.instagramOf(page.get()).map(SimUser::id);
	}

	private SimResponse route(SimRequest r, SimUser user, String object, String edge) {
		String call = r.method() + " " + edge;
		if (object.equals("ig_hashtag_search")) {
			return hashtagSearch(r, user);
		}
		if (object.startsWith("17843")) {
			return hashtagMedia(r, object);
		}
		if (object.equals(user.id())) {
			return switch (call) {
				case "GET /media" -> ok(Graph.page(r, media(user), false, p -> media(user, p)));
				case "GET /tags" -> ok(Graph.page(r, tags(user), false, p -> media(user, p)));
				case "GET /insights" -> insights(r, null, user);
				case "GET " -> mentioned(r, user);
				default -> Graph.error(400, 100, "(#100) Unsupported request " + call, false);
			};
		}
		Optional<SimPost> found = sim.world().find(IG, object);
		if (found.isEmpty() || found.get().isDirect()) {
			return Graph.error(400, 100, "(#100) Object with ID '" + object + "' does not exist", false);
		}
		SimPost p = found.get();
		boolean isMedia = p.inReplyToId() == null;
		return switch (call) {
			case "GET " -> ok(isMedia ? media(user, p) : comment(p, true));
			case "GET /comments" -> ok(Graph.page(r, topLevelComments(p), false, c -> comment(c, true)));
			case "GET /replies" -> ok(Graph.page(r, replies(p), true, c -> comment(c, false)));
			case "GET /insights" -> insights(r, p, user);
			case "POST /comments", "POST /replies" -> {
				SimPost reply = sim.world().post(IG, user, r.formField("message"), r.now(), p, null, "fr", p.show());
				yield ok(Graph.JSON.createObjectNode().put("id", reply.id()));
			}
			case "POST " -> {
				String hide = r.param("hide").orElse(r.formField("hide"));
				if (hide.isEmpty() || isMedia) {
					yield Graph.error(400, 100, "(#100) Only comments can be hidden", false);
				}
				sim.world().update(IG, p.id(), x -> x.withHidden(Boolean.parseBoolean(hide)));
				yield ok(Graph.JSON.createObjectNode().put("success", true));
			}
			case "DELETE " -> {
				if (isMedia) {
					yield Graph.error(400, 100, "(#100) Deleting media is not supported", false);
				}
				sim.world().delete(IG, p.id());
				yield ok(Graph.JSON.createObjectNode().put("success", true));
			}
			default -> Graph.error(400, 100, "(#100) Unsupported request " + call, false);
		};
	}

	private List<SimPost> media(SimUser user) {
		return sim.world().query(IG, sim.clock().instant(),
				p -> !p.isDirect() && p.inReplyToId() == null && p.author().id().equals(user.id()));
	}

	private List<SimPost> tags(SimUser user) {
		return sim.world().query(IG, sim.clock().instant(), p -> !p.isDirect() && p.inReplyToId() == null
				&& !p.author().id().equals(user.id()) && p.mentions(user.handle()));
	}

	private List<SimPost> topLevelComments(SimPost media) {
		return sim.world().query(IG, sim.clock().instant(),
				p -> !p.isDirect() && media.id().equals(p.inReplyToId()));
	}

	private List<SimPost> replies(SimPost comment) {
		List<SimPost> out = new ArrayList<>(sim.world().query(IG, sim.clock().instant(),
				p -> !p.isDirect() && p.conversationId().equals(comment.conversationId()) && p.inReplyToId() != null
						&& !p.inReplyToId().equals(p.conversationId()) && topLevel(p).equals(comment.id())));
		out.sort(java.util.Comparator.comparingLong(SimPost::number));
		return out;
	}

	private String topLevel(SimPost c) {
		SimPost at = c;
		for (int i = 0; i < 50 && at.inReplyToId() != null && !at.inReplyToId().equals(at.conversationId()); i++) {
			Optional<SimPost> up = sim.world().find(IG, at.inReplyToId());
			if (up.isEmpty()) {
				break;
			}
			at = up.get();
		}
		return at.id();
	}

	private ObjectNode media(SimUser owner, SimPost p) {
		ObjectNode o = Graph.JSON.createObjectNode();
		o.put("id", p.id()).put("caption", p.text()).put("media_type", "IMAGE").put("media_product_type", "FEED");
		o.put("permalink", "https://www.instagram.com/p/" + Long.toString(p.number(), 36) + "/");
		if (!p.malformed()) {
			o.put("timestamp", Graph.time(p.createdAt()));
		}
		o.put("username", p.author().handle()).put("like_count", p.likes()).put("comments_count", p.replies());
		return o;
	}

	private ObjectNode comment(SimPost c, boolean withReplies) {
		ObjectNode o = Graph.JSON.createObjectNode();
		o.put("id", c.id()).put("text", c.text());
		if (!c.malformed()) {
			o.put("timestamp", Graph.time(c.createdAt()));
		}
		o.put("username", c.author().handle());
		o.putObject("from").put("id", c.author().id()).put("username", c.author().handle());
		o.put("like_count", c.likes()).put("hidden", c.hidden());
		String top = topLevel(c);
		if (!top.equals(c.id())) {
			o.put("parent_id", top);
		}
		if (withReplies && top.equals(c.id())) {
			List<SimPost> replies = replies(c);
			if (!replies.isEmpty()) {
				ArrayNode data = o.putObject("replies").putArray("data");
				replies.forEach(reply -> data.add(comment(reply, false)));
			}
		}
		return o;
	}

	private SimResponse mentioned(SimRequest r, SimUser user) {
		Matcher m = MENTIONED.matcher(r.param("fields").orElse(""));
		ObjectNode body = Graph.JSON.createObjectNode();
		if (m.find()) {
			Optional<SimPost> p = sim.world().find(IG, m.group(2));
			if (p.isEmpty() || !p.get().mentions(user.handle())) {
				return Graph.error(400, 100, "(#100) The user was not mentioned in this object", false);
			}
			body.set("mentioned_" + m.group(1), "comment".equals(m.group(1)) ? comment(p.get(), false) : media(user, p.get()));
		}
		body.put("id", user.id()).put("username", user.handle()).put("followers_count", user.followers());
		return ok(body);
	}

	/** {@code ig_hashtag_search}: 30 unique hashtags per account in a rolling 7 days. */
	private SimResponse hashtagSearch(SimRequest r, SimUser user) {
		String tag = r.param("q").orElse("").toLowerCase(Locale.ROOT).replace("#", "");
		Map<String, Instant> used = hashtagsByUser.computeIfAbsent(user.id(), k -> new ConcurrentHashMap<>());
		used.values().removeIf(at -> at.isBefore(r.now().minus(Duration.ofDays(7))));
		if (!used.containsKey(tag) && used.size() >= 30) {
			return Graph.error(400, 24, "(#24) The user has reached the limit of 30 unique hashtags searched in the past 7 days.", false);
		}
		used.putIfAbsent(tag, r.now());
		ObjectNode body = Graph.JSON.createObjectNode();
		body.putArray("data").addObject().put("id", hashtagId(tag));
		return ok(body);
	}

	static String hashtagId(String tag) {
		return "17843" + String.format(Locale.ROOT, "%011d", Math.abs((long) tag.hashCode()) % 100_000_000_000L);
	}

	/** Recent media with the hashtag (last 24 hours); Instagram gives no author for them. */
	private SimResponse hashtagMedia(SimRequest r, String hashtagId) {
		Instant day = r.now().minus(Duration.ofHours(24));
		List<SimPost> found = sim.world().query(IG, r.now(), p -> !p.isDirect() && p.inReplyToId() == null
				&& !p.createdAt().isBefore(day) && p.hashtags().stream().anyMatch(t -> hashtagId(t.toLowerCase(Locale.ROOT)).equals(hashtagId)));
		return ok(Graph.page(r, found, false, p -> {
			ObjectNode o = media(p.author(), p);
			o.remove("username");
			return o;
		}));
	}

	private SimResponse insights(SimRequest r, SimPost media, SimUser user) {
		List<String> metrics = List.of(r.param("metric").orElse("").split(","));
		for (String metric : metrics) {
			if (Graph.RETIRED.contains(metric.trim())) {
				return Graph.error(400, 100, "(#100) metric[" + metrics.indexOf(metric) + "] must be one of the following values: "
						+ "reach, views, likes, comments, shares, saved, total_interactions", false);
			}
		}
		ObjectNode body = Graph.JSON.createObjectNode();
		ArrayNode data = body.putArray("data");
		long reach = media == null ? user.followers() / 5 : media.impressions();
		for (String metric : metrics) {
			String name = metric.trim();
			long value = switch (name) {
				case "reach", "accounts_engaged" -> reach;
				case "views" -> reach * 3 / 2;
				case "likes" -> media == null ? 0 : media.likes();
				case "comments" -> media == null ? 0 : media.replies();
				case "shares", "saved" -> reach / 50;
				case "total_interactions" -> reach / 12;
				case "follower_count" -> user.followers();
				case "profile_views" -> reach / 9;
				default -> -1;
			};
			if (value < 0) {
				continue;
			}
			ObjectNode m = data.addObject();
			m.put("name", name).put("period", media == null ? "day" : "lifetime");
			m.putArray("values").addObject().put("value", value);
			m.put("id", (media == null ? user.id() : media.id()) + "/insights/" + name);
		}
		return ok(body);
	}

	private static SimResponse ok(ObjectNode body) {
		return SimResponse.json(200, body.toString());
	}
}
