package org.vigie.connectors.x;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Actions;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Cursors;
import org.vigie.connectors.Feed;
import org.vigie.connectors.Publisher;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.Reason;
import tools.jackson.databind.JsonNode;

/**
 * One X account through API v2. Feeds: mentions ({@code /2/users/:id/mentions}), replies to our
 * posts (recent search {@code to:handle is:reply}), DMs ({@code /2/dm_events}), own posts with
 * {@code public_metrics} ({@code /2/users/:id/tweets}) and recent search for listening.
 *
 * <p>X pages newest first and walks back with {@code next_token}; the cursor keeps {@code since}
 * (the newest id of the last complete walk), the {@code token} of the walk in progress and its
 * {@code top} id, so that a crash resumes the walk at the page it stopped on, and the next walk
 * asks only for what is newer than {@code since}. The first walk reads back {@code backfill}.
 */
final class XConnector implements SocialConnector, Actions, Publisher {

	static final String TWEET_FIELDS = "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,public_metrics,entities,lang";

	static final String USER_FIELDS = "username,name,verified,public_metrics,profile_image_url";

	private final XClient client;

	private final Clock clock;

	private final Duration backfill;

	private final int pageSize;

	private String me;

	XConnector(XClient client, Clock clock, Duration backfill, int pageSize) {
		this.client = client;
		this.clock = clock;
		this.backfill = backfill;
		this.pageSize = pageSize;
		this.me = client.credentials().externalId() == null ? "" : client.credentials().externalId();
	}

	@Override
	public Batch poll(Feed feed, Cursor cursor) throws ConnectorException {
		Map<String, String> state = Cursors.read(cursor);
		String since = state.getOrDefault("since", "");
		String token = state.getOrDefault("token", "");
		String top = state.getOrDefault("top", "");
		String id = me();
		Map<String, String> q = new LinkedHashMap<>();
		String path;
		boolean messages = feed.kind() == Feed.Kind.MESSAGES;
		switch (feed.kind()) {
			case MENTIONS -> path = "/2/users/" + id + "/mentions";
			case OWN_POSTS -> {
				path = "/2/users/" + id + "/tweets";
				q.put("exclude", "retweets");
			}
			case COMMENTS -> {
				path = "/2/tweets/search/recent";
				q.put("query", "to:" + client.credentials().handle() + " is:reply");
			}
			case SEARCH -> {
				path = "/2/tweets/search/recent";
				q.put("query", feed.query());
			}
			case MESSAGES -> path = "/2/dm_events";
			default -> throw ConnectorException.unsupported("X", "X has no " + feed.kind() + " feed");
		}
		boolean search = path.contains("/search/");
		q.put("max_results", Integer.toString(search ? Math.max(10, pageSize) : Math.max(messages ? 1 : 5, pageSize)));
		if (messages) {
			q.put("dm_event.fields", "id,text,event_type,created_at,sender_id,dm_conversation_id,participant_ids");
			q.put("expansions", "sender_id");
		}
		else {
			q.put("tweet.fields", TWEET_FIELDS);
			q.put("expansions", "author_id");
			if (!since.isEmpty()) {
				q.put("since_id", since);
			}
			else {
				// Search reaches back 7 days at most; keep a minute of margin for the clock skew.
				Duration back = search && backfill.compareTo(Duration.ofDays(7)) >= 0 ? Duration.ofDays(7).minusMinutes(1) : backfill;
				q.put("start_time", clock.instant().minus(back).truncatedTo(ChronoUnit.SECONDS).toString());
			}
		}
		q.put("user.fields", USER_FIELDS);
		if (!token.isEmpty()) {
			q.put(search ? "next_token" : "pagination_token", token);
		}
		JsonNode body = client.get(path, q);
		XMapper.Page page = messages ? XMapper.directMessages(body, id)
				: XMapper.tweets(body, id, feed.kind() == Feed.Kind.SEARCH);
		List<RemoteItem> items = page.items();
		boolean reachedSince = false;
		if (messages && !since.isEmpty()) {
			// dm_events has no since_id: stop the walk at what the last walk already read.
			int before = items.size();
			items = items.stream().filter(i -> newer(i.externalId(), since)).toList();
			reachedSince = items.size() < before;
		}
		String newest = newestId(body);
		if (top.isEmpty() && newest != null) {
			top = newest;
		}
		String next = body.path("meta").path("next_token").asString("");
		if (!next.isEmpty() && !reachedSince) {
			Map<String, String> out = new LinkedHashMap<>();
			out.put("since", since);
			out.put("token", next);
			out.put("top", top);
			return new Batch(items, page.rejected(), Cursors.write(out), true);
		}
		Map<String, String> out = new LinkedHashMap<>();
		out.put("since", top.isEmpty() ? since : (since.isEmpty() || newer(top, since) ? top : since));
		return new Batch(items, page.rejected(), Cursors.write(out), false);
	}

	private static String newestId(JsonNode body) {
		String newest = body.path("meta").path("newest_id").asString("");
		if (!newest.isEmpty()) {
			return newest;
		}
		String max = null;
		for (JsonNode n : body.path("data")) {
			String id = n.path("id").asString("");
			if (!id.isEmpty() && (max == null || newer(id, max))) {
				max = id;
			}
		}
		return max;
	}

	/** Snowflake ids compare as numbers: longer is newer, then lexicographic. */
	static boolean newer(String a, String b) {
		return a.length() != b.length() ? a.length() > b.length() : a.compareTo(b) > 0;
	}

	private String me() throws ConnectorException {
		if (me.isEmpty()) {
			me = client.get("/2/users/me", Map.of()).path("data").path("id").asString("");
			if (me.isEmpty()) {
				throw new ConnectorException.Unavailable("X did not say who this account is (/2/users/me)",
						Reason.of("connectors.x.no-identity"));
			}
		}
		return me;
	}

	@Override
	public Optional<AccountCredentials> renewedCredentials() {
		return client.renewed();
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
	public String reply(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", text);
		body.put("reply", Map.of("in_reply_to_tweet_id", inReplyTo));
		return client.send("POST", "/2/tweets", body).path("data").path("id").asString();
	}

	@Override
	public void like(String externalId) throws ConnectorException {
		client.send("POST", "/2/users/" + me() + "/likes", Map.of("tweet_id", externalId));
	}

	@Override
	public void hide(String externalId, boolean hidden) throws ConnectorException {
		client.send("PUT", "/2/tweets/" + externalId + "/hidden", Map.of("hidden", hidden));
	}

	@Override
	public void delete(String externalId) throws ConnectorException {
		client.send("DELETE", "/2/tweets/" + externalId, null);
	}

	@Override
	public String publish(String text, List<String> mediaUrls, String idempotencyKey) throws ConnectorException {
		if (!mediaUrls.isEmpty()) {
			throw new ConnectorException.Rejected("Sending media to X is not supported yet", Reason.of("connectors.no-media", "X"));
		}
		return client.send("POST", "/2/tweets", Map.of("text", text)).path("data").path("id").asString();
	}

	/** X has no idempotency keys: looks for a post of ours with the same text in the last day. */
	@Override
	public Optional<String> findPublished(String text, String idempotencyKey) throws ConnectorException {
		Map<String, String> q = new LinkedHashMap<>();
		q.put("max_results", "100");
		q.put("tweet.fields", "created_at");
		q.put("start_time", clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString());
		JsonNode body = client.get("/2/users/" + me() + "/tweets", q);
		for (JsonNode t : body.path("data")) {
			if (text.equals(t.path("text").asString())) {
				return Optional.of(t.path("id").asString());
			}
		}
		return Optional.empty();
	}

	Instant now() {
		return clock.instant();
	}
}
