package org.vigie.connectors.reddit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

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
import org.vigie.shared.ItemKind;

import static org.vigie.connectors.graph.GraphClient.params;

/**
 * One Reddit account. Feeds: {@code MENTIONS} ({@code /message/mentions}), {@code COMMENTS}
 * (replies to the account's comments and posts from {@code /message/inbox}), {@code MESSAGES}
 * (private messages, {@code /message/messages}) and {@code SEARCH} ({@code /search}, posts, newest
 * first). Listings are newest first without a time filter: a sweep follows {@code after} until it
 * meets things older than its start.
 */
final class RedditConnector implements SocialConnector, Actions, Insights {

	static final Duration BACKFILL = Duration.ofDays(3);

	private final RedditClient client;

	private final OAuthTokens tokens;

	private final RedditMapper mapper;

	private final Clock clock;

	RedditConnector(RedditClient client, OAuthTokens tokens, String username, Clock clock) {
		this.client = client;
		this.tokens = tokens;
		this.mapper = new RedditMapper(username);
		this.clock = clock;
	}

	@Override
	public Batch poll(Feed feed, Cursor cursor) throws ConnectorException {
		return switch (feed.kind()) {
			case MENTIONS -> sweep("/message/mentions", Map.of(), cursor, c -> true, ItemKind.MENTION);
			case COMMENTS -> sweep("/message/inbox", Map.of(), cursor, RedditConnector::isReply, ItemKind.REPLY);
			case MESSAGES -> sweep("/message/messages", Map.of(), cursor, c -> "t4".equals(JsonHttp.text(c, "kind")),
					ItemKind.DIRECT_MESSAGE);
			case SEARCH -> sweep("/search", params("q", feed.query(), "sort", "new", "type", "link", "t", "week"), cursor,
					c -> true, ItemKind.LISTENING_HIT);
			case OWN_POSTS -> throw ConnectorException.unsupported("Reddit", "Reddit posts of the account are not polled");
		};
	}

	private static boolean isReply(JsonNode child) {
		String type = JsonHttp.text(child.path("data"), "type", "");
		return "t1".equals(JsonHttp.text(child, "kind")) && ("comment_reply".equals(type) || "post_reply".equals(type));
	}

	private Batch sweep(String path, Map<String, String> extra, Cursor cursor, Predicate<JsonNode> keep, ItemKind kind)
			throws ConnectorException {
		SweepCursor sweep = SweepCursor.decode(cursor, clock.instant().minus(BACKFILL).getEpochSecond());
		Map<String, String> p = params("limit", "100", "raw_json", "1");
		p.putAll(extra);
		if (sweep.after() != null) {
			p.put("after", sweep.after());
		}
		JsonNode listing = client.get(path, p);
		JsonNode data = listing.path("data");
		if (!data.path("children").isArray()) {
			throw ConnectorException.unexpected("Reddit", "Reddit answered " + path + " without a listing");
		}
		PageCollector items = new PageCollector();
		boolean reachedOlder = false;
		for (JsonNode child : data.path("children")) {
			JsonNode created = child.path("data").get("created_utc");
			if (created != null && created.isNumber() && (long) created.doubleValue() < sweep.since()) {
				reachedOlder = true;
				continue;
			}
			if (keep.test(child)) {
				items.add(child, c -> mapper.thing(c, kind));
			}
		}
		String after = JsonHttp.text(data, "after");
		SweepCursor next = sweep.advance(items.newestEpochSecond(sweep.since()), reachedOlder ? null : after);
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

	/** {@code POST /api/comment} on a post ({@code t3_}), comment ({@code t1_}) or message ({@code t4_}); Markdown text. */
	@Override
	public String reply(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
		JsonNode body = client.post("/api/comment", params("api_type", "json", "thing_id", inReplyTo, "text", text));
		JsonNode thing = body.path("json").path("data").path("things").path(0).path("data");
		return JsonHttp.text(thing, "name", JsonHttp.text(thing, "id", ""));
	}

	/** An upvote ({@code POST /api/vote dir=1}), Reddit's nearest to a like. */
	@Override
	public void like(String externalId) throws ConnectorException {
		client.post("/api/vote", params("id", externalId, "dir", "1"));
	}

	/** Removes a thing from its subreddit: moderators only ({@code POST /api/remove}); Reddit refuses others. */
	@Override
	public void hide(String externalId, boolean hidden) throws ConnectorException {
		client.post(hidden ? "/api/remove" : "/api/approve", params("id", externalId, "spam", "false"));
	}

	/** Deletes the account's own post or comment ({@code POST /api/del}). */
	@Override
	public void delete(String externalId) throws ConnectorException {
		client.post("/api/del", params("id", externalId));
	}

	/** Score, upvote ratio (percent) and comment count of a thing, from {@code /api/info}. */
	@Override
	public List<MetricValue> metrics(String objectExternalId, List<String> metrics) throws ConnectorException {
		JsonNode d = client.get("/api/info", params("id", objectExternalId, "raw_json", "1")).path("data")
			.path("children").path(0).path("data");
		List<String> asked = metrics.isEmpty() ? List.of("score", "upvote_ratio", "num_comments") : metrics;
		List<MetricValue> out = new ArrayList<>();
		for (String name : asked) {
			JsonNode v = d.get(name);
			if (v == null || !v.isNumber()) {
				out.add(MetricValue.unavailable(name, "Reddit does not give it for this thing"));
			}
			else {
				out.add(MetricValue.of(name, "upvote_ratio".equals(name) ? Math.round(v.doubleValue() * 100) : v.longValue()));
			}
		}
		return out;
	}
}
