package org.vigie.connectors.instagram;

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

/** Maps IG media and comments to {@link RemoteItem}s. */
final class InstagramMapper {

	static final String REPLY_FIELDS = "id,text,timestamp,username,from,like_count,hidden,parent_id";

	static final String COMMENT_FIELDS = REPLY_FIELDS + ",replies{" + REPLY_FIELDS + "}";

	static final String MEDIA_FIELDS = "id,caption,media_type,media_product_type,permalink,timestamp,username,"
			+ "like_count,comments_count";

	private final String igUserId;

	private final String username;

	InstagramMapper(String igUserId, String username) {
		this.igUserId = igUserId;
		this.username = username;
	}

	/** A comment on media {@code mediaId}; a reply when {@code parentId} is given or the comment says so. */
	RemoteItem comment(JsonNode comment, String mediaId, @Nullable String parentId) {
		String parent = parentId != null ? parentId : JsonHttp.text(comment, "parent_id");
		RemoteAuthor author = author(comment);
		Map<String, Long> metrics = new LinkedHashMap<>();
		Long likes = JsonHttp.number(comment, "like_count");
		if (likes != null) {
			metrics.put("likes", likes);
		}
		return new RemoteItem(id(comment), parent == null ? ItemKind.COMMENT : ItemKind.REPLY, author,
				JsonHttp.text(comment, "text", ""), null, time(comment), parent == null ? mediaId : parent, mediaId,
				isUs(author), metrics, comment.toString());
	}

	/** A media: ours, one that tags us ({@code MENTION}) or a hashtag hit ({@code LISTENING_HIT}, no author given). */
	RemoteItem media(JsonNode media, ItemKind kind) {
		Map<String, Long> metrics = new LinkedHashMap<>();
		Long likes = JsonHttp.number(media, "like_count");
		Long comments = JsonHttp.number(media, "comments_count");
		if (likes != null) {
			metrics.put("likes", likes);
		}
		if (comments != null) {
			metrics.put("comments", comments);
		}
		RemoteAuthor author = kind == ItemKind.POST ? new RemoteAuthor(igUserId, username, null, null, false, null,
				"https://www.instagram.com/" + username + "/") : author(media);
		return new RemoteItem(id(media), kind, author, JsonHttp.text(media, "caption", ""),
				JsonHttp.text(media, "permalink"), time(media), null, id(media), kind == ItemKind.POST, metrics,
				media.toString());
	}

	private RemoteAuthor author(JsonNode node) {
		String user = JsonHttp.text(node.path("from"), "username");
		if (user == null) {
			user = JsonHttp.text(node, "username");
		}
		String id = JsonHttp.text(node.path("from"), "id");
		if (id == null) {
			// Instagram gives only the username for replies and tagged media, and nothing for hashtag media.
			id = user == null ? "unknown" : "@" + user;
		}
		return new RemoteAuthor(id, user, null, null, false, null,
				user == null ? null : "https://www.instagram.com/" + user + "/");
	}

	private boolean isUs(RemoteAuthor author) {
		return igUserId.equals(author.externalId()) || (author.handle() != null && author.handle().equals(username));
	}

	static String id(JsonNode node) {
		String id = JsonHttp.text(node, "id");
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("no id");
		}
		return id;
	}

	static Instant time(JsonNode node) {
		Instant at = GraphClient.time(JsonHttp.text(node, "timestamp"));
		if (at == null) {
			throw new IllegalArgumentException("no readable timestamp");
		}
		return at;
	}
}
