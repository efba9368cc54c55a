package org.vigie.connectors.bluesky;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Actions;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.Publisher;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.ItemKind;
import tools.jackson.databind.JsonNode;

/**
 * Reads one Bluesky account over XRPC: notifications (mentions, replies, quotes), the account's own
 * posts with their counters, searches, and direct messages through the chat service. Newest-first
 * listings are walked with a {@link NewestFirstWalk}; the chat log is read forward with its own
 * cursor. Not thread-safe.
 */
final class BlueskyConnector implements SocialConnector {

	/** Notifications that bring a post for the community manager to read (not likes, reposts, follows). */
	static final List<String> REASONS = List.of("mention", "reply", "quote");

	static final String CHAT_PROXY = "did:web:api.bsky.chat#bsky_chat";

	private final XrpcClient xrpc;

	private final BlueskySession session;

	private final BlueskySettings settings;

	private final Clock clock;

	private final BlueskyActions actions;

	BlueskyConnector(XrpcClient xrpc, BlueskySession session, BlueskySettings settings, Clock clock) {
		this.xrpc = xrpc;
		this.session = session;
		this.settings = settings;
		this.clock = clock;
		this.actions = new BlueskyActions(xrpc, session, clock);
	}

	@Override
	public Batch poll(Feed feed, Cursor cursor) throws ConnectorException {
		return switch (feed.kind()) {
			case MENTIONS -> walk(cursor, "app.bsky.notification.listNotifications", Map.of("reasons", REASONS),
					"notifications", this::fromNotification);
			// Replies to our posts arrive as `reply` (or `mention`) notifications, in MENTIONS.
			case COMMENTS -> Batch.of(List.of(), cursor, false);
			case OWN_POSTS -> walk(cursor, "app.bsky.feed.getAuthorFeed",
					Map.of("actor", session.did(), "filter", "posts_no_replies"), "feed", this::fromAuthorFeed);
			case SEARCH -> walk(cursor, "app.bsky.feed.searchPosts", Map.of("q", feed.query(), "sort", "latest"), "posts",
					this::fromSearch);
			case MESSAGES -> chatLog(cursor);
		};
	}

	/** Maps one listed element to an item, or to nothing when the element is not for us (a repost, a like). */
	@FunctionalInterface
	private interface ElementMapper {

		@Nullable RemoteItem map(JsonNode element, String ourDid);
	}

	private @Nullable RemoteItem fromNotification(JsonNode n, String ourDid) {
		return REASONS.contains(n.path("reason").asString("")) ? BlueskyMapper.notification(n, ourDid) : null;
	}

	private @Nullable RemoteItem fromAuthorFeed(JsonNode feedViewPost, String ourDid) {
		if (feedViewPost.has("reason")) {
			return null; // a repost by the account: the post is someone else's
		}
		return BlueskyMapper.post(feedViewPost.path("post"), ItemKind.POST, ourDid);
	}

	private @Nullable RemoteItem fromSearch(JsonNode post, String ourDid) {
		return BlueskyMapper.post(post, ItemKind.LISTENING_HIT, ourDid);
	}

	private Batch walk(Cursor cursor, String nsid, Map<String, ?> params, String listField, ElementMapper mapper)
			throws ConnectorException {
		NewestFirstWalk state = NewestFirstWalk.from(cursor);
		String ourDid = session.did();
		Map<String, Object> query = new LinkedHashMap<>(params);
		query.put("limit", settings.pageSize());
		if (state.apiCursor() != null) {
			query.put("cursor", state.apiCursor());
		}
		JsonNode page = session.call(token -> xrpc.query(nsid, query, token, Map.of()));
		JsonNode list = page.path(listField);
		if (!list.isArray()) {
			throw ConnectorException.unexpected("Bluesky", "Bluesky answered " + nsid + " without its \"" + listField + "\" list");
		}
		List<RemoteItem> items = new ArrayList<>();
		List<Batch.Rejected> rejected = new ArrayList<>();
		Instant top = state.walking() ? state.topAt() : null;
		Set<String> topUris = new HashSet<>(state.walking() ? state.topUris() : Set.of());
		boolean reachedMark = false;
		Instant oldest = null;
		for (JsonNode element : list) {
			JsonNode post = element.has("post") ? element.path("post") : element;
			String uri = post.path("uri").asString("");
			Instant at;
			try {
				at = BlueskyMapper.instant(post.path("indexedAt").asString(""), post.path("record").path("createdAt").asString(""));
			}
			catch (IllegalArgumentException unreadable) {
				rejected.add(new Batch.Rejected(uri.isEmpty() ? nsid : uri, "No readable date", element.toString()));
				continue;
			}
			if (!state.walking() && (top == null || at.isAfter(top))) {
				top = at;
				topUris.clear();
			}
			if (!state.walking() && at.equals(top)) {
				topUris.add(uri);
			}
			oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
			if (!state.isNew(at, uri)) {
				reachedMark = true;
				continue;
			}
			try {
				RemoteItem item = mapper.map(element, ourDid);
				if (item != null) {
					items.add(item);
				}
			}
			catch (IllegalArgumentException malformed) {
				rejected.add(new Batch.Rejected(uri.isEmpty() ? nsid : uri, malformed.getMessage(), element.toString()));
			}
		}
		items.sort(Comparator.comparing(RemoteItem::createdAt));
		String next = page.path("cursor").asString("");
		boolean beyondBackfill = state.markAt() == null && oldest != null
				&& oldest.isBefore(clock.instant().minus(settings.backfill()));
		boolean done = reachedMark || next.isEmpty() || list.isEmpty() || beyondBackfill
				|| state.pages() + 1 >= settings.maxPagesPerWalk();
		NewestFirstWalk after = done ? state.finish(top, topUris) : state.continueAt(next, top, topUris);
		return new Batch(items, rejected, after.toCursor(), !done);
	}

	/** Direct messages: the chat service's event log, read forward; only created messages become items. */
	private Batch chatLog(Cursor cursor) throws ConnectorException {
		String ourDid = session.did();
		Map<String, Object> query = new LinkedHashMap<>();
		if (!cursor.isStart()) {
			query.put("cursor", cursor.value());
		}
		JsonNode page = session.call(token -> xrpc.query("chat.bsky.convo.getLog", query, token,
				Map.of("atproto-proxy", CHAT_PROXY)));
		List<RemoteItem> items = new ArrayList<>();
		List<Batch.Rejected> rejected = new ArrayList<>();
		for (JsonNode log : page.path("logs")) {
			if (!log.path("$type").asString("").equals("chat.bsky.convo.defs#logCreateMessage")
					|| !log.path("message").path("$type").asString("chat.bsky.convo.defs#messageView")
						.endsWith("#messageView")) {
				continue;
			}
			try {
				items.add(BlueskyMapper.message(log, ourDid));
			}
			catch (IllegalArgumentException malformed) {
				rejected.add(new Batch.Rejected(log.path("rev").asString("chat"), malformed.getMessage(), log.toString()));
			}
		}
		items.sort(Comparator.comparing(RemoteItem::createdAt));
		String next = page.path("cursor").asString("");
		boolean moved = !next.isEmpty() && !next.equals(cursor.value());
		return new Batch(items, rejected, moved ? new Cursor(next) : cursor, moved && !page.path("logs").isEmpty());
	}

	@Override
	public Optional<AccountCredentials> renewedCredentials() {
		return session.renewed();
	}

	@Override
	public Optional<Actions> actions() {
		return Optional.of(actions);
	}

	@Override
	public Optional<Publisher> publisher() {
		return Optional.of(actions);
	}

	/** The last {@code RateLimit-*} headers the PDS sent, for the runtime's metering. */
	Optional<XrpcClient.RateLimit> rateLimit() {
		return xrpc.lastRateLimit();
	}

}
