package org.vigie.connectors.youtube;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Actions;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.Insights;
import org.vigie.connectors.MetricValue;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.OAuthTokens;
import org.vigie.connectors.support.PageCollector;
import org.vigie.connectors.support.SweepCursor;
import org.vigie.shared.Reason;

import static org.vigie.connectors.graph.GraphClient.params;

/**
 * One YouTube channel. Feeds: {@code COMMENTS} (every comment thread related to the channel,
 * newest first, with replies; 1 unit a page) and {@code SEARCH} (videos matching a query, newest
 * first; search's own bucket). YouTube has no mentions and no direct messages API.
 */
final class YouTubeConnector implements SocialConnector, Actions, Insights {

	static final Duration BACKFILL = Duration.ofDays(3);

	/** Costs per call (https://developers.google.com/youtube/v3/determine_quota_cost). */
	static final long LIST_COST = 1;

	static final long WRITE_COST = 50;

	private final YouTubeClient client;

	private final OAuthTokens tokens;

	private final String channelId;

	private final YouTubeMapper mapper;

	private final Clock clock;

	YouTubeConnector(YouTubeClient client, OAuthTokens tokens, String channelId, Clock clock) {
		this.client = client;
		this.tokens = tokens;
		this.channelId = channelId;
		this.mapper = new YouTubeMapper(channelId);
		this.clock = clock;
	}

	@Override
	public Batch poll(Feed feed, Cursor cursor) throws ConnectorException {
		return switch (feed.kind()) {
			case COMMENTS -> comments(cursor);
			case SEARCH -> search(feed.query(), cursor);
			case MENTIONS, MESSAGES, OWN_POSTS -> throw ConnectorException.unsupported("YouTube",
					"YouTube offers no " + feed.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " feed");
		};
	}

	private long firstSince() {
		return clock.instant().minus(BACKFILL).getEpochSecond();
	}

	/**
	 * A sweep through {@code commentThreads?allThreadsRelatedToChannelId} ({@code order=time}, newest
	 * first) until threads older than the sweep's start; replies beyond the ones embedded in a
	 * thread are read with {@code comments?parentId}.
	 */
	private Batch comments(Cursor cursor) throws ConnectorException {
		SweepCursor sweep = SweepCursor.decode(cursor, firstSince());
		Map<String, String> p = params("part", "snippet,replies", "allThreadsRelatedToChannelId", channelId, "order",
				"time", "maxResults", "100", "textFormat", "plainText");
		if (sweep.after() != null) {
			p.put("pageToken", sweep.after());
		}
		JsonNode page = client.get("commentThreads", p, YouTubeQuota.UNITS, LIST_COST);
		PageCollector items = new PageCollector();
		boolean reachedOlder = false;
		for (JsonNode thread : page.path("items")) {
			JsonNode top = thread.path("snippet").path("topLevelComment");
			List<JsonNode> replies = new ArrayList<>();
			thread.path("replies").path("comments").forEach(replies::add);
			long embedded = replies.size();
			long total = thread.path("snippet").path("totalReplyCount").asLong(0);
			if (total > embedded) {
				replies = allReplies(JsonHttp.text(thread, "id", ""));
			}
			boolean anyNew = false;
			if (newerThan(top, sweep.since())) {
				items.add(top, node -> mapper.comment(node, null));
				anyNew = true;
			}
			for (JsonNode reply : replies) {
				if (newerThan(reply, sweep.since())) {
					items.add(reply, node -> mapper.comment(node, null));
					anyNew = true;
				}
			}
			if (!anyNew) {
				reachedOlder = true;
			}
		}
		String token = JsonHttp.text(page, "nextPageToken");
		SweepCursor next = sweep.advance(items.newestEpochSecond(sweep.since()), reachedOlder ? null : token);
		return items.batch(next.encode(), next.midSweep());
	}

	private List<JsonNode> allReplies(String threadId) throws ConnectorException {
		List<JsonNode> replies = new ArrayList<>();
		String token = null;
		do {
			Map<String, String> p = params("part", "snippet", "parentId", threadId, "maxResults", "100", "textFormat",
					"plainText");
			if (token != null) {
				p.put("pageToken", token);
			}
			JsonNode page = client.get("comments", p, YouTubeQuota.UNITS, LIST_COST);
			page.path("items").forEach(replies::add);
			token = JsonHttp.text(page, "nextPageToken");
		}
		while (token != null && replies.size() < 1000);
		return replies;
	}

	private static boolean newerThan(JsonNode comment, long since) {
		String at = JsonHttp.text(comment.path("snippet"), "publishedAt");
		try {
			return at == null || Instant.parse(at).getEpochSecond() >= since;
		}
		catch (DateTimeParseException e) {
			return true;
		}
	}

	/** Videos matching {@code query}, newest first, published since the sweep's start ({@code publishedAfter}). */
	private Batch search(String query, Cursor cursor) throws ConnectorException {
		SweepCursor sweep = SweepCursor.decode(cursor, firstSince());
		Map<String, String> p = params("part", "snippet", "q", query, "type", "video", "order", "date", "maxResults",
				"50", "publishedAfter", Instant.ofEpochSecond(sweep.since()).toString());
		if (sweep.after() != null) {
			p.put("pageToken", sweep.after());
		}
		JsonNode page = client.get("search", p, YouTubeQuota.SEARCH, 1);
		PageCollector items = new PageCollector();
		page.path("items").forEach(r -> items.add(r, mapper::video));
		SweepCursor next = sweep.advance(items.newestEpochSecond(sweep.since()), JsonHttp.text(page, "nextPageToken"));
		return items.batch(next.encode(), next.midSweep());
	}

	@Override
	public Optional<AccountCredentials> renewedCredentials() {
		return Optional.ofNullable(tokens.renewed());
	}

	@Override
	public Optional<Actions> actions() {
		return Optional.of(this);
	}

	@Override
	public Optional<Insights> insights() {
		return Optional.of(this);
	}

	/**
	 * Replies in the comment's thread ({@code comments.insert}, 50 units): YouTube threads are one
	 * level deep, so a reply to a reply goes to its thread. Replying to a video id posts a
	 * top-level comment ({@code commentThreads.insert}).
	 */
	@Override
	public String reply(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
		ObjectNode body = JsonHttp.mapper().createObjectNode();
		if (inReplyTo.length() == 11 && !inReplyTo.startsWith("Ug")) {
			body.putObject("snippet").put("videoId", inReplyTo).putObject("topLevelComment").putObject("snippet")
				.put("textOriginal", text);
			return JsonHttp.text(client.post("commentThreads", params("part", "snippet"), body, WRITE_COST), "id", "");
		}
		String thread = inReplyTo.contains(".") ? inReplyTo.substring(0, inReplyTo.indexOf('.')) : inReplyTo;
		body.putObject("snippet").put("parentId", thread).put("textOriginal", text);
		return JsonHttp.text(client.post("comments", params("part", "snippet"), body, WRITE_COST), "id", "");
	}

	@Override
	public void like(String externalId) throws ConnectorException {
		throw new ConnectorException.Rejected("YouTube's API does not let a channel like comments",
				Reason.of("connectors.youtube.no-like"));
	}

	/** Holds a comment for review (hidden from the public) or publishes it again ({@code comments.setModerationStatus}). */
	@Override
	public void hide(String externalId, boolean hidden) throws ConnectorException {
		client.postEmpty("comments/setModerationStatus",
				params("id", externalId, "moderationStatus", hidden ? "heldForReview" : "published"), WRITE_COST);
	}

	/** Deletes the channel's own comment; someone else's comment is rejected (moderation) instead, as YouTube allows. */
	@Override
	public void delete(String externalId) throws ConnectorException {
		try {
			client.delete("comments", params("id", externalId), WRITE_COST);
		}
		catch (ConnectorException.Rejected notOwn) {
			client.postEmpty("comments/setModerationStatus", params("id", externalId, "moderationStatus", "rejected"),
					WRITE_COST);
		}
	}

	/** Channel statistics for the channel id, video statistics otherwise (numbers sent as strings). */
	@Override
	public List<MetricValue> metrics(String objectExternalId, List<String> metrics) throws ConnectorException {
		boolean channel = objectExternalId.equals(channelId);
		JsonNode body = client.get(channel ? "channels" : "videos", params("part", "statistics", "id", objectExternalId),
				YouTubeQuota.UNITS, LIST_COST);
		JsonNode stats = body.path("items").path(0).path("statistics");
		List<String> asked = metrics.isEmpty()
				? (channel ? List.of("subscriberCount", "viewCount", "videoCount") : List.of("viewCount", "likeCount", "commentCount"))
				: metrics;
		List<MetricValue> out = new ArrayList<>();
		for (String name : asked) {
			Long v = JsonHttp.number(stats, name);
			out.add(v == null ? MetricValue.unavailable(name, "YouTube did not return it (hidden by the owner or not offered)")
					: MetricValue.of(name, v));
		}
		return out;
	}
}
