package org.vigie.connectors.instagram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.vigie.connectors.Actions;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.Insights;
import org.vigie.connectors.MetricValue;
import org.vigie.connectors.QuotaMeter;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.graph.GraphClient;
import org.vigie.connectors.graph.GraphInsights;
import org.vigie.connectors.graph.GraphPage;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.PageCollector;
import org.vigie.connectors.support.SweepCursor;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;

import static org.vigie.connectors.graph.GraphClient.params;

/**
 * One Instagram professional account. Feeds: {@code COMMENTS} (comments and their replies on the
 * recent own media), {@code MENTIONS} (media that tag the account), {@code OWN_POSTS} and
 * {@code SEARCH} (one hashtag per feed, e.g. {@code #lavigie}, within the hashtag budget).
 */
final class InstagramConnector implements SocialConnector, Actions, Insights {

	static final Duration BACKFILL = Duration.ofDays(3);

	/** Instagram allows 30 unique hashtags per account in a rolling 7 days (error #24 beyond). */
	static final int HASHTAG_BUDGET = 30;

	static final Duration HASHTAG_WINDOW = Duration.ofDays(7);

	static final String HASHTAG_BUCKET = "hashtags";

	static final List<String> MEDIA_METRICS = List.of("reach", "views", "likes", "comments", "shares", "saved",
			"total_interactions");

	static final List<String> ACCOUNT_METRICS = List.of("reach", "follower_count", "profile_views", "accounts_engaged",
			"total_interactions");

	/** Media per page of an edge. */
	static final int PAGE_SIZE = 50;

	private static final int RECENT_MEDIA = 25;

	private static final int MAX_COMMENT_PAGES = 10;

	private final GraphClient graph;

	private final String igUserId;

	private final InstagramMapper mapper;

	private final QuotaMeter quota;

	private final Clock clock;

	InstagramConnector(GraphClient graph, String igUserId, String username, QuotaMeter quota, Clock clock) {
		this.graph = graph;
		this.igUserId = igUserId;
		this.mapper = new InstagramMapper(igUserId, username);
		this.quota = quota;
		this.clock = clock;
	}

	@Override
	public Batch poll(Feed feed, Cursor cursor) throws ConnectorException {
		return switch (feed.kind()) {
			case COMMENTS -> comments(cursor);
			case MENTIONS -> newestFirst("/" + igUserId + "/tags", ItemKind.MENTION, Map.of(), cursor);
			case OWN_POSTS -> newestFirst("/" + igUserId + "/media", ItemKind.POST, Map.of(), cursor);
			case SEARCH -> hashtag(feed.query(), cursor);
			case MESSAGES -> throw ConnectorException.unsupported("Instagram",
					"Instagram direct messages arrive through the Page's Messenger webhooks, not by polling");
		};
	}

	private long firstSince() {
		return clock.instant().minus(BACKFILL).getEpochSecond();
	}

	/**
	 * A newest-first media edge without {@code since}: the sweep follows pages until it meets media
	 * older than its start.
	 */
	private Batch newestFirst(String edge, ItemKind kind, Map<String, String> extra, Cursor cursor)
			throws ConnectorException {
		SweepCursor sweep = SweepCursor.decode(cursor, firstSince());
		Map<String, String> p = params("fields", InstagramMapper.MEDIA_FIELDS, "limit", Integer.toString(PAGE_SIZE));
		p.putAll(extra);
		if (sweep.after() != null) {
			p.put("after", sweep.after());
		}
		GraphPage page = graph.page(edge, p);
		PageCollector items = new PageCollector();
		boolean reachedOlder = false;
		for (JsonNode media : page.data()) {
			Instant at = GraphClient.time(JsonHttp.text(media, "timestamp"));
			if (at != null && at.getEpochSecond() < sweep.since()) {
				reachedOlder = true;
				continue;
			}
			items.add(media, node -> mapper.media(node, kind));
		}
		SweepCursor next = sweep.advance(items.newestEpochSecond(sweep.since()), reachedOlder ? null : page.after());
		return items.batch(next.encode(), next.midSweep());
	}

	/**
	 * Comments and replies newer than the cursor (an epoch second) on the recent own media. The
	 * comments edge has no {@code since} and lists newest first, so each media's pages are read
	 * until older comments appear.
	 */
	private Batch comments(Cursor cursor) throws ConnectorException {
		long since = cursor.isStart() ? firstSince() : Long.parseLong(cursor.value());
		GraphPage media = graph.page("/" + igUserId + "/media",
				params("fields", "id,timestamp,comments_count", "limit", Integer.toString(RECENT_MEDIA)));
		PageCollector items = new PageCollector();
		for (JsonNode m : media.data()) {
			String mediaId = JsonHttp.text(m, "id");
			if (mediaId == null || JsonHttp.number(m, "comments_count") != null && JsonHttp.number(m, "comments_count") == 0) {
				continue;
			}
			String after = null;
			for (int pages = 0; pages < MAX_COMMENT_PAGES; pages++) {
				Map<String, String> p = params("fields", InstagramMapper.COMMENT_FIELDS, "limit", "50");
				if (after != null) {
					p.put("after", after);
				}
				GraphPage comments = graph.page("/" + mediaId + "/comments", p);
				boolean older = false;
				for (JsonNode c : comments.data()) {
					Instant at = GraphClient.time(JsonHttp.text(c, "timestamp"));
					if (at == null || at.getEpochSecond() >= since) {
						items.add(c, node -> mapper.comment(node, mediaId, null));
					}
					else {
						older = true;
					}
					String parentId = JsonHttp.text(c, "id");
					for (JsonNode r : c.path("replies").path("data")) {
						Instant rAt = GraphClient.time(JsonHttp.text(r, "timestamp"));
						if (rAt == null || rAt.getEpochSecond() >= since) {
							items.add(r, node -> mapper.comment(node, mediaId, parentId));
						}
					}
				}
				after = comments.after();
				if (older || after == null) {
					break;
				}
			}
		}
		return items.batch(new Cursor(Long.toString(items.newestEpochSecond(since))), false);
	}

	/**
	 * Recent media with a hashtag. The cursor keeps the hashtag's id, so that the hashtag is
	 * looked up (and counted against the budget) once; a new hashtag beyond the budget is refused
	 * here, before Instagram refuses it.
	 */
	private Batch hashtag(String query, Cursor cursor) throws ConnectorException {
		String tag = query.trim().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
		if (tag.isEmpty() || !tag.matches("[\\p{L}\\p{N}_]+")) {
			throw new ConnectorException.Rejected("Instagram searches one hashtag at a time, e.g. #lavigie",
					Reason.of("connectors.instagram.one-hashtag"));
		}
		String[] parts = cursor.isStart() ? new String[] { "", "" } : cursor.value().split("~", 2);
		String hashtagId = parts.length == 2 ? parts[0] : "";
		Cursor sweep = new Cursor(parts.length == 2 ? parts[1] : "");
		if (hashtagId.isEmpty()) {
			hashtagId = searchHashtag(tag);
		}
		Batch page = newestFirst("/" + hashtagId + "/recent_media", ItemKind.LISTENING_HIT,
				params("user_id", igUserId), sweep);
		return new Batch(page.items(), page.rejected(), new Cursor(hashtagId + "~" + page.next().value()),
				page.hasMore());
	}

	private String searchHashtag(String tag) throws ConnectorException {
		Instant now = clock.instant();
		Instant since = now.minus(HASHTAG_WINDOW);
		Map<String, Instant> used = quota.used(Network.INSTAGRAM, igUserId, HASHTAG_BUCKET, since);
		if (!used.containsKey(tag) && used.size() >= HASHTAG_BUDGET) {
			Instant frees = used.values().stream().min(Instant::compareTo).orElse(now).plus(HASHTAG_WINDOW);
			throw new ConnectorException.Rejected("Instagram allows " + HASHTAG_BUDGET
					+ " different hashtags per 7 days and this account has used them; the next one frees at " + frees,
					Reason.of("connectors.instagram.hashtag-budget", String.valueOf(HASHTAG_BUDGET), String.valueOf(frees)));
		}
		JsonNode found = graph.get("/ig_hashtag_search", params("user_id", igUserId, "q", tag));
		quota.use(Network.INSTAGRAM, igUserId, HASHTAG_BUCKET, tag, now, since);
		String id = JsonHttp.text(found.path("data").path(0), "id");
		if (id == null) {
			throw new ConnectorException.Rejected("Instagram knows no hashtag #" + tag, Reason.of("connectors.instagram.no-hashtag", tag));
		}
		return id;
	}

	/**
	 * An @mention pushed by webhook as ids only: {@code mediaId/commentId} for a comment
	 * ({@code mentioned_comment}), {@code mediaId} for a caption ({@code mentioned_media}).
	 */
	@Override
	public Optional<RemoteItem> lookup(String reference) throws ConnectorException {
		int slash = reference.indexOf('/');
		try {
			if (slash > 0) {
				return mentionedComment(reference.substring(0, slash), reference.substring(slash + 1));
			}
			JsonNode body = graph.get("/" + igUserId, params("fields", "mentioned_media.media_id(" + reference
					+ "){id,caption,media_type,permalink,timestamp,username,like_count,comments_count}"));
			JsonNode media = body.path("mentioned_media");
			return media.has("id") ? Optional.of(mapper.media(media, ItemKind.MENTION)) : Optional.empty();
		}
		catch (ConnectorException.Rejected gone) {
			return Optional.empty();
		}
	}

	/** An @mention in a comment: {@code GET /{ig-user}?fields=mentioned_comment.comment_id(…){…}}. */
	Optional<RemoteItem> mentionedComment(String mediaId, String commentId) throws ConnectorException {
		JsonNode body = graph.get("/" + igUserId, params("fields",
				"mentioned_comment.comment_id(" + commentId + "){id,text,timestamp,like_count,username}"));
		JsonNode comment = body.path("mentioned_comment");
		if (!comment.has("id")) {
			return Optional.empty();
		}
		RemoteItem c = mapper.comment(comment, mediaId, null);
		return Optional.of(new RemoteItem(c.externalId(), ItemKind.MENTION, c.author(), c.text(), c.url(), c.createdAt(),
				mediaId, mediaId, false, c.metrics(), c.raw()));
	}

	@Override
	public Optional<Actions> actions() {
		return Optional.of(this);
	}

	@Override
	public Optional<Insights> insights() {
		return Optional.of(this);
	}

	/** Replies to a comment ({@code POST /{comment}/replies}); to a media, comments on it. */
	@Override
	public String reply(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
		JsonNode target = graph.get("/" + inReplyTo, params("fields", "id,media_type"));
		boolean isMedia = target.has("media_type");
		JsonNode created = graph.post("/" + inReplyTo + (isMedia ? "/comments" : "/replies"), params("message", text));
		return JsonHttp.text(created, "id", "");
	}

	@Override
	public void like(String externalId) throws ConnectorException {
		throw new ConnectorException.Rejected("Instagram's API does not let an account like comments or media",
				Reason.of("connectors.instagram.no-like"));
	}

	@Override
	public void hide(String externalId, boolean hidden) throws ConnectorException {
		graph.post("/" + externalId, params("hide", Boolean.toString(hidden)));
	}

	@Override
	public void delete(String externalId) throws ConnectorException {
		graph.delete("/" + externalId);
	}

	/** Account metrics ({@code period=day}, {@code metric_type=total_value}) for the account itself, media metrics otherwise. */
	@Override
	public List<MetricValue> metrics(String objectExternalId, List<String> metrics) throws ConnectorException {
		boolean account = objectExternalId.equals(igUserId);
		List<String> asked = metrics.isEmpty() ? (account ? ACCOUNT_METRICS : MEDIA_METRICS) : metrics;
		return GraphInsights.read(graph, objectExternalId, asked,
				account ? params("period", "day", "metric_type", "total_value") : Map.of());
	}

	/** The hashtags searched in the last 7 days, for display; at most {@link #HASHTAG_BUDGET}. */
	static Set<String> hashtagsUsed(QuotaMeter quota, String igUserId, Instant now) {
		return quota.used(Network.INSTAGRAM, igUserId, HASHTAG_BUCKET, now.minus(HASHTAG_WINDOW)).keySet();
	}
}
