package org.vigie.connectors.facebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigie.connectors.Actions;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.Insights;
import org.vigie.connectors.MetricValue;
import org.vigie.connectors.Publisher;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.graph.GraphClient;
import org.vigie.connectors.graph.GraphInsights;
import org.vigie.connectors.graph.GraphPage;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.PageCollector;
import org.vigie.connectors.support.SweepCursor;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Reason;

import static org.vigie.connectors.graph.GraphClient.params;

/**
 * One Facebook Page, read and acted on with its Page access token. Feeds: {@code OWN_POSTS}
 * ({@code published_posts}), {@code MENTIONS} ({@code visitor_posts} and {@code tagged}),
 * {@code COMMENTS} (comments of the recently active posts, {@code filter=stream} so that replies
 * come flattened, oldest first) and {@code MESSAGES} (Messenger conversations). Facebook offers
 * no public search.
 */
final class FacebookConnector implements SocialConnector, Actions, Publisher, Insights {

	/** How far back the first poll of a feed reads. */
	static final Duration BACKFILL = Duration.ofDays(3);

	/** Messenger lets a Page answer only within 24 hours of the person's last message (standard messaging). */
	static final Duration MESSAGING_WINDOW = Duration.ofHours(24);

	static final List<String> PAGE_METRICS = List.of("page_follows", "page_post_engagements",
			"page_total_media_view_unique");

	static final List<String> POST_METRICS = List.of("post_reactions_by_type_total", "post_clicks",
			"post_total_media_view_unique");

	/** Posts per page of a feed edge (Graph's maximum). */
	static final int PAGE_SIZE = 100;

	/** How many of the most recently active posts the comment feed looks into on each poll. */
	private static final int ACTIVE_POSTS = 25;

	private final GraphClient graph;

	private final String pageId;

	private final FacebookMapper mapper;

	private final Clock clock;

	FacebookConnector(GraphClient graph, String pageId, Clock clock) {
		this.graph = graph;
		this.pageId = pageId;
		this.mapper = new FacebookMapper(pageId);
		this.clock = clock;
	}

	@Override
	public Batch poll(Feed feed, Cursor cursor) throws ConnectorException {
		return switch (feed.kind()) {
			case OWN_POSTS -> sweep("/" + pageId + "/published_posts", ItemKind.POST, cursor);
			case MENTIONS -> mentions(cursor);
			case COMMENTS -> comments(cursor);
			case MESSAGES -> messages(cursor);
			case SEARCH -> throw ConnectorException.unsupported("Facebook", "Facebook offers no search of public posts");
		};
	}

	private long firstSince() {
		return clock.instant().minus(BACKFILL).getEpochSecond();
	}

	/** One page of a newest-first edge that takes {@code since}, as a sweep. */
	private Batch sweep(String edge, ItemKind kind, Cursor cursor) throws ConnectorException {
		SweepCursor sweep = SweepCursor.decode(cursor, firstSince());
		Map<String, String> p = params("fields", FacebookMapper.POST_FIELDS, "since", Long.toString(sweep.since()),
				"limit", Integer.toString(PAGE_SIZE));
		if (sweep.after() != null) {
			p.put("after", sweep.after());
		}
		GraphPage page = graph.page(edge, p);
		PageCollector items = new PageCollector();
		page.data().forEach(post -> items.add(post, node -> mapper.post(node, kind)));
		SweepCursor next = sweep.advance(items.newestEpochSecond(sweep.since()), page.after());
		return items.batch(next.encode(), next.midSweep());
	}

	/** Visitor posts and posts that tag the Page; the cursor holds one sweep for each edge. */
	private Batch mentions(Cursor cursor) throws ConnectorException {
		String[] parts = cursor.isStart() ? new String[] { "", "" } : cursor.value().split("~", -1);
		if (parts.length != 2) {
			throw ConnectorException.unknownCursor("Facebook", cursor.value());
		}
		Batch visitors = sweep("/" + pageId + "/visitor_posts", ItemKind.MENTION, new Cursor(parts[0]));
		Batch tagged = sweep("/" + pageId + "/tagged", ItemKind.MENTION, new Cursor(parts[1]));
		List<RemoteItem> all = new ArrayList<>(visitors.items());
		all.addAll(tagged.items());
		all.sort(Comparator.comparing(RemoteItem::createdAt));
		List<Batch.Rejected> rejected = new ArrayList<>(visitors.rejected());
		rejected.addAll(tagged.rejected());
		return new Batch(all, rejected, new Cursor(visitors.next().value() + "~" + tagged.next().value()),
				visitors.hasMore() || tagged.hasMore());
	}

	/**
	 * Comments and replies of the recently active posts, oldest first ({@code order=chronological},
	 * {@code filter=stream}). The cursor is the epoch second from which comments are still to read;
	 * when a post has more than a page, it stays at that post's last comment so that the next poll
	 * goes on from there.
	 */
	private Batch comments(Cursor cursor) throws ConnectorException {
		long since = cursor.isStart() ? firstSince() : parseLong(cursor.value());
		GraphPage posts = graph.page("/" + pageId + "/feed",
				params("fields", "id,created_time,updated_time", "limit", Integer.toString(ACTIVE_POSTS)));
		PageCollector items = new PageCollector();
		long pendingFrom = Long.MAX_VALUE;
		for (JsonNode post : posts.data()) {
			Instant updated = FacebookMapper.updated(post);
			String postId = JsonHttp.text(post, "id");
			if (postId == null || (updated != null && updated.getEpochSecond() < since)) {
				continue;
			}
			GraphPage comments = graph.page("/" + postId + "/comments", params("filter", "stream", "order",
					"chronological", "since", Long.toString(since), "limit", "100", "fields", FacebookMapper.COMMENT_FIELDS));
			PageCollector ofPost = new PageCollector();
			comments.data().forEach(c -> {
				ofPost.add(c, node -> mapper.comment(node, postId));
				items.add(c, node -> mapper.comment(node, postId));
			});
			if (comments.after() != null) {
				pendingFrom = Math.min(pendingFrom, ofPost.newestEpochSecond(since));
			}
		}
		boolean more = pendingFrom != Long.MAX_VALUE;
		long next = more ? Math.max(since, pendingFrom) : items.newestEpochSecond(since);
		return items.batch(new Cursor(Long.toString(next)), more && next > since);
	}

	/** Messenger messages of the conversations updated since the cursor (an epoch second), newest conversations first. */
	private Batch messages(Cursor cursor) throws ConnectorException {
		SweepCursor sweep = SweepCursor.decode(cursor, firstSince());
		Map<String, String> p = params("platform", "messenger", "fields", FacebookMapper.MESSAGE_FIELDS, "limit", "25");
		if (sweep.after() != null) {
			p.put("after", sweep.after());
		}
		GraphPage conversations = graph.page("/" + pageId + "/conversations", p);
		PageCollector items = new PageCollector();
		boolean reachedOlder = false;
		for (JsonNode conversation : conversations.data()) {
			Instant updated = FacebookMapper.updated(conversation);
			if (updated != null && updated.getEpochSecond() < sweep.since()) {
				reachedOlder = true;
				continue;
			}
			String conversationId = JsonHttp.text(conversation, "id", "");
			for (JsonNode message : conversation.path("messages").path("data")) {
				Instant at = GraphClient.time(JsonHttp.text(message, "created_time"));
				if (at == null || at.getEpochSecond() >= sweep.since()) {
					items.add(message, node -> mapper.message(node, conversationId));
				}
			}
		}
		SweepCursor next = sweep.advance(items.newestEpochSecond(sweep.since()),
				reachedOlder ? null : conversations.after());
		return items.batch(next.encode(), next.midSweep());
	}

	private static long parseLong(String value) throws ConnectorException.Rejected {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw ConnectorException.unknownCursor("Facebook", value);
		}
	}

	/** A post or comment that mentions the Page, pushed by the {@code mention} webhook as an id only. */
	@Override
	public Optional<RemoteItem> lookup(String reference) throws ConnectorException {
		try {
			JsonNode node = graph.get("/" + reference, params("fields", "id,message,created_time,permalink_url,from"));
			return Optional.of(mapper.post(node, ItemKind.MENTION));
		}
		catch (ConnectorException.Rejected gone) {
			return Optional.empty();
		}
	}

	@Override
	public Optional<Actions> actions() {
		return Optional.of(this);
	}

	@Override
	public Optional<Publisher> publisher() {
		return Optional.of(this);
	}

	@Override
	public Optional<Insights> insights() {
		return Optional.of(this);
	}

	/**
	 * Replies to a post or comment with a comment (one level deep: Graph attaches a reply to a
	 * reply to the same parent), or to a Messenger message ({@code m_…}) with a message, inside
	 * the 24-hour window only.
	 */
	@Override
	public String reply(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
		if (inReplyTo.startsWith("m_")) {
			return replyPrivately(inReplyTo, text);
		}
		Optional<String> already = findOwnComment(inReplyTo, text);
		if (already.isPresent()) {
			return already.get();
		}
		return JsonHttp.text(graph.post("/" + inReplyTo + "/comments", params("message", text)), "id", "");
	}

	/** A retried reply must not be posted twice: Graph has no idempotency keys, so look for the same text from the Page. */
	private Optional<String> findOwnComment(String target, String text) throws ConnectorException {
		GraphPage recent = graph.page("/" + target + "/comments", params("filter", "toplevel", "order",
				"reverse_chronological", "limit", "25", "fields", "id,message,from"));
		return recent.data().stream()
			.filter(c -> pageId.equals(JsonHttp.text(c.path("from"), "id")) && text.equals(JsonHttp.text(c, "message")))
			.map(c -> JsonHttp.text(c, "id", ""))
			.findFirst();
	}

	private String replyPrivately(String messageId, String text) throws ConnectorException {
		JsonNode message = graph.get("/" + messageId, params("fields", "id,created_time,from"));
		String psid = JsonHttp.text(message.path("from"), "id");
		if (psid == null || psid.equals(pageId)) {
			throw new ConnectorException.Rejected("Answer the person's own message, not one of the Page's",
					Reason.of("connectors.facebook.reply-own"));
		}
		JsonNode conversations = graph.get("/" + pageId + "/conversations", params("platform", "messenger", "user_id",
				psid, "fields", "messages.limit(10){id,from,created_time}"));
		Instant last = null;
		for (JsonNode conversation : conversations.path("data")) {
			for (JsonNode m : conversation.path("messages").path("data")) {
				Instant at = GraphClient.time(JsonHttp.text(m, "created_time"));
				if (psid.equals(JsonHttp.text(m.path("from"), "id")) && at != null && (last == null || at.isAfter(last))) {
					last = at;
				}
			}
		}
		if (last == null) {
			last = GraphClient.time(JsonHttp.text(message, "created_time"));
		}
		if (last == null || last.plus(MESSAGING_WINDOW).isBefore(clock.instant())) {
			throw new ConnectorException.Rejected(
					"Messenger lets a Page answer only within 24 hours of the person's last message",
					Reason.of("connectors.facebook.messaging-window"));
		}
		ObjectNode body = JsonHttp.mapper().createObjectNode();
		body.putObject("recipient").put("id", psid);
		body.put("messaging_type", "RESPONSE");
		body.putObject("message").put("text", text);
		return JsonHttp.text(graph.postJson("/" + pageId + "/messages", body), "message_id", "");
	}

	@Override
	public void like(String externalId) throws ConnectorException {
		if (externalId.startsWith("m_")) {
			throw new ConnectorException.Rejected("A Messenger message cannot be liked", Reason.of("connectors.facebook.no-like-message"));
		}
		graph.post("/" + externalId + "/likes", Map.of());
	}

	@Override
	public void hide(String externalId, boolean hidden) throws ConnectorException {
		graph.post("/" + externalId, params("is_hidden", Boolean.toString(hidden)));
	}

	@Override
	public void delete(String externalId) throws ConnectorException {
		graph.delete("/" + externalId);
	}

	@Override
	public String publish(String text, List<String> mediaUrls, String idempotencyKey) throws ConnectorException {
		if (mediaUrls.isEmpty()) {
			return JsonHttp.text(graph.post("/" + pageId + "/feed", params("message", text)), "id", "");
		}
		JsonNode photo = graph.post("/" + pageId + "/photos", params("url", mediaUrls.get(0), "caption", text));
		return JsonHttp.text(photo, "post_id", JsonHttp.text(photo, "id", ""));
	}

	@Override
	public Optional<String> findPublished(String text, String idempotencyKey) throws ConnectorException {
		GraphPage recent = graph.page("/" + pageId + "/published_posts", params("fields", "id,message", "limit", "25"));
		return recent.data().stream().filter(p -> text.equals(JsonHttp.text(p, "message")))
			.map(p -> JsonHttp.text(p, "id", "")).findFirst();
	}

	/** Page metrics ({@code period=day}) when asked for the Page itself, post metrics (lifetime) otherwise. */
	@Override
	public List<MetricValue> metrics(String objectExternalId, List<String> metrics) throws ConnectorException {
		boolean page = objectExternalId.equals(pageId);
		List<String> asked = metrics.isEmpty() ? (page ? PAGE_METRICS : POST_METRICS) : metrics;
		return GraphInsights.read(graph, objectExternalId, asked, page ? params("period", "day") : Map.of());
	}
}
