package org.vigie.connectors.x;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vigie.connectors.Batch;
import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.shared.ItemKind;
import tools.jackson.databind.JsonNode;

/**
 * Maps X API v2 JSON (tweets with {@code includes.users}, DM events) to {@link RemoteItem}s. An
 * element that lacks what every item needs becomes a {@link Batch.Rejected} with its raw JSON.
 * Pure.
 */
final class XMapper {

	private XMapper() {
	}

	/** The result of mapping one page. */
	record Page(List<RemoteItem> items, List<Batch.Rejected> rejected) {
	}

	/**
	 * Maps the {@code data} of a tweet page, oldest first.
	 * @param me the account's user id, to tell our own posts and the replies to them
	 * @param listening true for search results (listening hits), false for the account's own streams
	 */
	static Page tweets(JsonNode body, String me, boolean listening) {
		Map<String, JsonNode> users = users(body);
		List<RemoteItem> items = new ArrayList<>();
		List<Batch.Rejected> rejected = new ArrayList<>();
		JsonNode data = body.path("data");
		for (int i = data.size() - 1; i >= 0; i--) {
			JsonNode t = data.get(i);
			String id = t.path("id").asString("");
			try {
				items.add(tweet(t, users, me, listening));
			}
			catch (RuntimeException e) {
				rejected.add(new Batch.Rejected(id.isEmpty() ? "?" : id, reason(e), t.toString()));
			}
		}
		return new Page(items, rejected);
	}

	static RemoteItem tweet(JsonNode t, Map<String, JsonNode> users, String me, boolean listening) {
		String id = required(t, "id");
		String text = required(t, "text");
		Instant created = instant(required(t, "created_at"));
		String authorId = required(t, "author_id");
		String replyTo = null;
		for (JsonNode ref : t.path("referenced_tweets")) {
			if ("replied_to".equals(ref.path("type").asString())) {
				replyTo = ref.path("id").asString(null);
			}
		}
		String conversation = t.path("conversation_id").asString(null);
		String inReplyToUser = t.path("in_reply_to_user_id").asString(null);
		boolean fromUs = authorId.equals(me);
		ItemKind kind;
		if (fromUs) {
			kind = replyTo == null ? ItemKind.POST : ItemKind.REPLY;
		}
		else if (listening) {
			kind = ItemKind.LISTENING_HIT;
		}
		else if (me.equals(inReplyToUser)) {
			kind = replyTo != null && replyTo.equals(conversation) ? ItemKind.COMMENT : ItemKind.REPLY;
		}
		else if (replyTo != null) {
			kind = ItemKind.REPLY;
		}
		else {
			kind = ItemKind.MENTION;
		}
		JsonNode user = users.get(authorId);
		RemoteAuthor author = author(authorId, user);
		String handle = user == null ? "i" : user.path("username").asString("i");
		return new RemoteItem(id, kind, author, text, "https://x.com/" + handle + "/status/" + id, created, replyTo,
				conversation, fromUs, metrics(t.path("public_metrics")), t.toString());
	}

	/** Maps a page of DM events ({@code MessageCreate} only), oldest first. */
	static Page directMessages(JsonNode body, String me) {
		Map<String, JsonNode> users = users(body);
		List<RemoteItem> items = new ArrayList<>();
		List<Batch.Rejected> rejected = new ArrayList<>();
		JsonNode data = body.path("data");
		for (int i = data.size() - 1; i >= 0; i--) {
			JsonNode e = data.get(i);
			if (!"MessageCreate".equals(e.path("event_type").asString("MessageCreate"))) {
				continue;
			}
			String id = e.path("id").asString("");
			try {
				String sender = required(e, "sender_id");
				items.add(new RemoteItem(required(e, "id"), ItemKind.DIRECT_MESSAGE, author(sender, users.get(sender)),
						required(e, "text"), null, instant(required(e, "created_at")), null,
						e.path("dm_conversation_id").asString(null), sender.equals(me), Map.of(), e.toString()));
			}
			catch (RuntimeException ex) {
				rejected.add(new Batch.Rejected(id.isEmpty() ? "?" : id, reason(ex), e.toString()));
			}
		}
		return new Page(items, rejected);
	}

	static RemoteAuthor author(String id, @Nullable JsonNode user) {
		if (user == null) {
			return new RemoteAuthor(id, null, null, null, false, null, null);
		}
		String handle = user.path("username").asString(null);
		JsonNode followers = user.path("public_metrics").path("followers_count");
		return new RemoteAuthor(id, handle, user.path("name").asString(null),
				followers.isNumber() ? followers.asLong() : null, user.path("verified").asBoolean(false),
				user.path("profile_image_url").asString(null), handle == null ? null : "https://x.com/" + handle);
	}

	static Map<String, JsonNode> users(JsonNode body) {
		Map<String, JsonNode> users = new HashMap<>();
		for (JsonNode u : body.path("includes").path("users")) {
			users.put(u.path("id").asString(), u);
		}
		return users;
	}

	static Map<String, Long> metrics(JsonNode m) {
		Map<String, Long> out = new LinkedHashMap<>();
		put(out, "likes", m.path("like_count"));
		put(out, "reposts", m.path("retweet_count"));
		put(out, "replies", m.path("reply_count"));
		put(out, "quotes", m.path("quote_count"));
		put(out, "bookmarks", m.path("bookmark_count"));
		put(out, "impressions", m.path("impression_count"));
		return out;
	}

	private static void put(Map<String, Long> out, String name, JsonNode value) {
		if (value.isNumber()) {
			out.put(name, value.asLong());
		}
	}

	private static String required(JsonNode n, String field) {
		JsonNode v = n.path(field);
		if (!v.isString() || v.asString().isEmpty()) {
			throw new IllegalArgumentException("le champ « " + field + " » manque ou n'est pas du texte");
		}
		return v.asString();
	}

	private static Instant instant(String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("date illisible « " + value + " »");
		}
	}

	private static String reason(RuntimeException e) {
		return "Élément X illisible : " + e.getMessage();
	}
}
