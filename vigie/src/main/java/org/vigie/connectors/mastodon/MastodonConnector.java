package org.vigie.connectors.mastodon;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigie.connectors.Actions;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.Publisher;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.Reason;
import tools.jackson.databind.JsonNode;

/**
 * One Mastodon account. Feeds: mention notifications (replies and direct messages arrive as
 * mentions too), the account's statuses with their counts, conversations (DMs), and for
 * listening a hashtag timeline ({@code #tag}) or full-text search.
 *
 * <p>Paging walks forward: {@code min_id=<newest stored id>} returns the page right after it, so
 * the cursor is simply the newest id read; the first poll starts at the snowflake id of
 * {@code now − backfill} (Mastodon ids are milliseconds shifted 16 bits).
 */
final class MastodonConnector implements SocialConnector, Actions, Publisher {

	static final int PAGE = 40;

	private final MastodonClient client;

	private final Clock clock;

	private final Duration backfill;

	private final String handle;

	private String me;

	MastodonConnector(MastodonClient client, Clock clock, Duration backfill, String handle, String me) {
		this.client = client;
		this.clock = clock;
		this.backfill = backfill;
		this.handle = handle;
		this.me = me;
	}

	@Override
	public Batch poll(Feed feed, Cursor cursor) throws ConnectorException {
		String min = cursor.isStart() ? Long.toString((clock.instant().minus(backfill).toEpochMilli()) << 16) : cursor.value();
		String id = me();
		String path;
		String query = "limit=" + PAGE + "&min_id=" + min;
		MastodonMapper.Shape shape = MastodonMapper.Shape.STATUS;
		boolean listening = false;
		switch (feed.kind()) {
			case MENTIONS -> {
				path = "/api/v1/notifications";
				query += "&types%5B%5D=mention";
				shape = MastodonMapper.Shape.NOTIFICATION;
			}
			case OWN_POSTS -> path = "/api/v1/accounts/" + id + "/statuses";
			case MESSAGES -> {
				path = "/api/v1/conversations";
				shape = MastodonMapper.Shape.CONVERSATION;
			}
			case SEARCH -> {
				listening = true;
				if (feed.query().startsWith("#") && !feed.query().contains(" ")) {
					path = "/api/v1/timelines/tag/" + URLEncoder.encode(feed.query().substring(1), StandardCharsets.UTF_8);
				}
				else {
					return search(feed.query(), cursor);
				}
			}
			default -> throw ConnectorException.unsupported("Mastodon", "Mastodon has no " + feed.kind() + " feed");
		}
		MastodonClient.Page page = client.get(path, query);
		MastodonMapper.Page mapped = MastodonMapper.page(page.body(), shape, id, listening);
		List<RemoteItem> items = mapped.items();
		if (shape == MastodonMapper.Shape.CONVERSATION) {
			// Conversations are listed by their last status, not by id: keep only what is newer than the cursor.
			String floor = min;
			items = items.stream().filter(i -> MastodonMapper.newer(i.externalId(), floor)).toList();
		}
		String next = mapped.maxId().isEmpty() || !MastodonMapper.newer(mapped.maxId(), min) ? min : mapped.maxId();
		boolean more = page.body().size() >= PAGE && shape != MastodonMapper.Shape.CONVERSATION;
		return new Batch(items, mapped.rejected(), new Cursor(next), more);
	}

	/** Full-text search pages by offset and is not ordered by id: keep only what is newer than the cursor. */
	private Batch search(String q, Cursor cursor) throws ConnectorException {
		String since = cursor.isStart() ? "0" : cursor.value();
		JsonNode body = client.get("/api/v2/search", "type=statuses&limit=40&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
		MastodonMapper.Page mapped = MastodonMapper.page(body.path("statuses"), MastodonMapper.Shape.STATUS, me(), true);
		List<RemoteItem> items = new ArrayList<>();
		String max = since;
		for (RemoteItem item : mapped.items()) {
			if (MastodonMapper.newer(item.externalId(), since)) {
				items.add(item);
				if (MastodonMapper.newer(item.externalId(), max)) {
					max = item.externalId();
				}
			}
		}
		items.sort((a, b) -> MastodonMapper.newer(a.externalId(), b.externalId()) ? 1 : -1);
		return new Batch(items, mapped.rejected(), new Cursor(max), false);
	}

	private String me() throws ConnectorException {
		if (me.isEmpty()) {
			me = client.get("/api/v1/accounts/verify_credentials", "").body().path("id").asString("");
			if (me.isEmpty()) {
				throw new ConnectorException.Unavailable("The instance did not say who this account is (verify_credentials)",
						Reason.of("connectors.mastodon.no-identity"));
			}
		}
		return me;
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
		body.put("status", text);
		body.put("in_reply_to_id", inReplyTo);
		return client.send("POST", "/api/v1/statuses", body, idempotencyKey).path("id").asString();
	}

	@Override
	public void like(String externalId) throws ConnectorException {
		client.send("POST", "/api/v1/statuses/" + externalId + "/favourite", null, null);
	}

	@Override
	public void hide(String externalId, boolean hidden) throws ConnectorException {
		throw new ConnectorException.Rejected(
				"Mastodon cannot hide a reply: the account or the conversation can be muted, or the post reported",
				Reason.of("connectors.mastodon.no-hide"));
	}

	@Override
	public void delete(String externalId) throws ConnectorException {
		client.send("DELETE", "/api/v1/statuses/" + externalId, null, null);
	}

	@Override
	public String publish(String text, List<String> mediaUrls, String idempotencyKey) throws ConnectorException {
		if (!mediaUrls.isEmpty()) {
			throw new ConnectorException.Rejected("Sending media to Mastodon is not supported yet",
					Reason.of("connectors.no-media", "Mastodon"));
		}
		return client.send("POST", "/api/v1/statuses", Map.of("status", text), idempotencyKey).path("id").asString();
	}

	/** Mastodon dedupes on Idempotency-Key for an hour: posting again with the same key returns the same status. */
	@Override
	public Optional<String> findPublished(String text, String idempotencyKey) throws ConnectorException {
		JsonNode statuses = client.get("/api/v1/accounts/" + me() + "/statuses", "limit=40").body();
		for (JsonNode s : statuses) {
			if (text.equals(MastodonMapper.text(s.path("content").asString("")))) {
				return Optional.of(s.path("id").asString());
			}
		}
		return Optional.empty();
	}

	String handle() {
		return handle;
	}
}
