package org.vigie.connectors.facebook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import org.vigie.connectors.Feed;
import org.vigie.connectors.PushedEvent;
import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.graph.MetaPushReader;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;

/**
 * Page webhooks (object {@code page}): {@code feed} changes for comments, replies and visitor
 * posts (added or edited; reactions and removals are not items), {@code mention} (ids only: looked
 * up) and {@code messages}. Ids are the Graph ids polling reads, so a pushed item and the same
 * item polled later are one item.
 */
@Component
class FacebookPushReader extends MetaPushReader {

	@Override
	public Network network() {
		return Network.FACEBOOK;
	}

	@Override
	protected String object() {
		return "page";
	}

	@Override
	protected List<PushedEvent> change(String pageId, String field, JsonNode value, Instant entryTime) {
		String verb = JsonHttp.text(value, "verb", "");
		String item = JsonHttp.text(value, "item", "");
		if ("mention".equals(field)) {
			String id = "comment".equals(item) ? JsonHttp.text(value, "comment_id") : JsonHttp.text(value, "post_id");
			return id == null || !"add".equals(verb) ? List.of()
					: List.of(PushedEvent.lookup(pageId, Feed.Kind.MENTIONS, "mention:" + id, id));
		}
		if (!"feed".equals(field) || !("add".equals(verb) || "edited".equals(verb))) {
			return List.of();
		}
		JsonNode from = value.path("from");
		String authorId = JsonHttp.text(from, "id", "unknown");
		RemoteAuthor author = new RemoteAuthor(authorId, null, JsonHttp.text(from, "name"), null, false, null,
				"https://www.facebook.com/" + authorId);
		Instant created = value.has("created_time") ? epoch(value.path("created_time").asLong(0)) : entryTime;
		String postId = JsonHttp.text(value, "post_id");
		boolean fromUs = pageId.equals(authorId);
		if ("comment".equals(item)) {
			String commentId = JsonHttp.text(value, "comment_id");
			if (commentId == null || postId == null) {
				return List.of();
			}
			String parent = JsonHttp.text(value, "parent_id", postId);
			ItemKind kind = parent.equals(postId) ? ItemKind.COMMENT : ItemKind.REPLY;
			return List.of(PushedEvent.of(pageId, Feed.Kind.COMMENTS, "comment:" + commentId + ":" + verb,
					new RemoteItem(commentId, kind, author, JsonHttp.text(value, "message", ""),
							JsonHttp.text(value.path("post"), "permalink_url"), created, parent, postId, fromUs, Map.of(),
							value.toString())));
		}
		if (List.of("status", "post", "photo", "video", "share").contains(item) && postId != null) {
			return List.of(PushedEvent.of(pageId, fromUs ? Feed.Kind.OWN_POSTS : Feed.Kind.MENTIONS,
					"post:" + postId + ":" + verb, new RemoteItem(postId, fromUs ? ItemKind.POST : ItemKind.MENTION, author,
							JsonHttp.text(value, "message", ""), null, created, null, postId, fromUs, Map.of(),
							value.toString())));
		}
		return List.of();
	}
}
