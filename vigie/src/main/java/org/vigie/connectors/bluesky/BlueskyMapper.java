package org.vigie.connectors.bluesky;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.shared.ItemKind;
import tools.jackson.databind.JsonNode;

/**
 * Maps the AppView's JSON (notifications, {@code postView}s, chat messages) to {@link RemoteItem}s.
 * A post's external id is its {@code at://} URI; a chat message's is {@code <convoId>/<messageId>}.
 * Throws {@link IllegalArgumentException} for an item that lacks what the lexicon requires.
 */
final class BlueskyMapper {

	/** The AppView's counters and the metric names Vigie stores them under. */
	private static final Map<String, String> COUNTS = Map.of("likeCount", "likes", "repostCount", "reposts",
			"replyCount", "replies", "quoteCount", "quotes", "bookmarkCount", "bookmarks");

	private BlueskyMapper() {
	}

	/** A post that notified us ({@code mention}, {@code reply}, {@code quote}), classified from our side. */
	static RemoteItem notification(JsonNode n, String ourDid) {
		String reason = n.path("reason").asString("");
		JsonNode record = n.path("record");
		String parent = record.path("reply").path("parent").path("uri").asString("");
		String root = record.path("reply").path("root").path("uri").asString("");
		ItemKind kind;
		if (!parent.isEmpty() && isOurs(parent, ourDid)) {
			kind = parent.equals(root) ? ItemKind.COMMENT : ItemKind.REPLY;
		}
		else if (reason.equals("reply")) {
			kind = ItemKind.REPLY;
		}
		else {
			kind = ItemKind.MENTION;
		}
		return post(n, kind, ourDid);
	}

	/**
	 * A {@code postView} (or a notification, which has the same {@code uri}, {@code author},
	 * {@code record} and {@code indexedAt}), with its public counters when present.
	 */
	static RemoteItem post(JsonNode view, ItemKind kind, String ourDid) {
		String uri = required(view, "uri");
		JsonNode record = view.path("record");
		if (!record.isObject()) {
			throw new IllegalArgumentException("Post " + uri + " has no record");
		}
		RemoteAuthor author = author(view.path("author"));
		String text = record.path("text").asString("");
		Instant created = instant(record.path("createdAt").asString(""), view.path("indexedAt").asString(""));
		String parent = blankToNull(record.path("reply").path("parent").path("uri").asString(""));
		String root = blankToNull(record.path("reply").path("root").path("uri").asString(""));
		Map<String, Long> metrics = new LinkedHashMap<>();
		COUNTS.forEach((field, metric) -> {
			if (view.path(field).isNumber()) {
				metrics.put(metric, view.path(field).asLong());
			}
		});
		String url = "https://bsky.app/profile/" + (author.handle() != null ? author.handle() : author.externalId())
				+ "/post/" + AtUri.parse(uri).rkey();
		return new RemoteItem(uri, kind, author, text, url, created, parent, root != null ? root : parent,
				author.externalId().equals(ourDid), metrics, view.toString());
	}

	/** A {@code chat.bsky.convo.defs#logCreateMessage} event's message. */
	static RemoteItem message(JsonNode log, String ourDid) {
		String convoId = required(log, "convoId");
		JsonNode message = log.path("message");
		String id = required(message, "id");
		String sender = required(message.path("sender"), "did");
		RemoteAuthor author = new RemoteAuthor(sender, null, null, null, false, null, "https://bsky.app/profile/" + sender);
		Instant sent = instant(message.path("sentAt").asString(""), "");
		return new RemoteItem(convoId + "/" + id, ItemKind.DIRECT_MESSAGE, author, message.path("text").asString(""), null,
				sent, null, convoId, sender.equals(ourDid), Map.of(), log.toString());
	}

	static RemoteAuthor author(JsonNode profile) {
		String did = required(profile, "did");
		String handle = blankToNull(profile.path("handle").asString(""));
		String name = blankToNull(profile.path("displayName").asString(""));
		String avatar = blankToNull(profile.path("avatar").asString(""));
		Long followers = profile.path("followersCount").isNumber() ? profile.path("followersCount").asLong() : null;
		boolean verified = profile.path("verification").path("verifiedStatus").asString("").equals("valid");
		return new RemoteAuthor(did, handle, name, followers, verified, avatar,
				"https://bsky.app/profile/" + (handle != null ? handle : did));
	}

	static boolean isOurs(String atUri, String ourDid) {
		return atUri.startsWith("at://" + ourDid + "/");
	}

	/** An instant from a lexicon datetime, else from the fallback, else the epoch (malformed, but kept). */
	static Instant instant(String datetime, String fallback) {
		for (String s : new String[] { datetime, fallback }) {
			if (!s.isBlank()) {
				try {
					return OffsetDateTime.parse(s).toInstant();
				}
				catch (DateTimeParseException tryNext) {
					// the lexicon says RFC 3339, but clients write what they like
				}
			}
		}
		throw new IllegalArgumentException("No readable date (" + datetime + ")");
	}

	private static String required(JsonNode node, String field) {
		String value = node.path(field).asString("");
		if (value.isBlank()) {
			throw new IllegalArgumentException("Missing " + field);
		}
		return value;
	}

	private static @Nullable String blankToNull(String s) {
		return s.isBlank() ? null : s;
	}
}
