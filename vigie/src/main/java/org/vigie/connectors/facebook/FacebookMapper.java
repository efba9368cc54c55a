package org.vigie.connectors.facebook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.graph.GraphClient;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.ItemKind;

/** Maps Graph objects of a Page (posts, comments, Messenger messages) to {@link RemoteItem}s. */
final class FacebookMapper {

	static final String POST_FIELDS = "id,message,created_time,permalink_url,from,shares,"
			+ "reactions.summary(true).limit(0),comments.summary(true).limit(0)";

	static final String COMMENT_FIELDS = "id,message,from,created_time,parent,is_hidden,can_hide,like_count,"
			+ "comment_count,attachment,permalink_url";

	static final String MESSAGE_FIELDS = "participants,updated_time,messages.limit(20){id,message,from,created_time}";

	private final String pageId;

	FacebookMapper(String pageId) {
		this.pageId = pageId;
	}

	/** A post of the Page's feed, a visitor post or a post tagging the Page. */
	RemoteItem post(JsonNode post, ItemKind kind) {
		Map<String, Long> metrics = new LinkedHashMap<>();
		putIfPresent(metrics, "reactions", post.path("reactions").path("summary"), "total_count");
		putIfPresent(metrics, "comments", post.path("comments").path("summary"), "total_count");
		putIfPresent(metrics, "shares", post.path("shares"), "count");
		RemoteAuthor author = author(post.path("from"));
		return new RemoteItem(id(post), kind, author, JsonHttp.text(post, "message", ""),
				JsonHttp.text(post, "permalink_url"), created(post), null, id(post), pageId.equals(author.externalId()),
				metrics, post.toString());
	}

	/** A comment of a post, or a reply to a comment ({@code parent} present), in {@code filter=stream} form. */
	RemoteItem comment(JsonNode comment, String postId) {
		String parent = JsonHttp.text(comment.path("parent"), "id");
		Map<String, Long> metrics = new LinkedHashMap<>();
		putIfPresent(metrics, "likes", comment, "like_count");
		putIfPresent(metrics, "replies", comment, "comment_count");
		RemoteAuthor author = author(comment.path("from"));
		String text = JsonHttp.text(comment, "message", "");
		if (text.isEmpty() && comment.path("attachment").has("url")) {
			text = comment.path("attachment").path("url").asString();
		}
		return new RemoteItem(id(comment), parent == null ? ItemKind.COMMENT : ItemKind.REPLY, author, text,
				JsonHttp.text(comment, "permalink_url"), created(comment), parent == null ? postId : parent, postId,
				pageId.equals(author.externalId()), metrics, comment.toString());
	}

	/** A Messenger message of conversation {@code conversationId}. */
	RemoteItem message(JsonNode message, String conversationId) {
		RemoteAuthor author = author(message.path("from"));
		return new RemoteItem(id(message), ItemKind.DIRECT_MESSAGE, author, JsonHttp.text(message, "message", ""), null,
				created(message), null, conversationId, pageId.equals(author.externalId()), Map.of(), message.toString());
	}

	static RemoteAuthor author(JsonNode from) {
		String id = JsonHttp.text(from, "id");
		if (id == null) {
			// Without pages_read_user_content Graph leaves out who wrote a comment; the item is still worth reading.
			return new RemoteAuthor("unknown", null, "Facebook user", null, false, null, null);
		}
		return new RemoteAuthor(id, null, JsonHttp.text(from, "name"), null, false, null,
				"https://www.facebook.com/" + id);
	}

	static String id(JsonNode node) {
		String id = JsonHttp.text(node, "id");
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("no id");
		}
		return id;
	}

	static Instant created(JsonNode node) {
		Instant at = GraphClient.time(JsonHttp.text(node, "created_time"));
		if (at == null) {
			throw new IllegalArgumentException("no readable created_time");
		}
		return at;
	}

	static @Nullable Instant updated(JsonNode node) {
		return GraphClient.time(JsonHttp.text(node, "updated_time"));
	}

	private static void putIfPresent(Map<String, Long> metrics, String name, JsonNode node, String field) {
		Long value = JsonHttp.number(node, field);
		if (value != null) {
			metrics.put(name, value);
		}
	}
}
