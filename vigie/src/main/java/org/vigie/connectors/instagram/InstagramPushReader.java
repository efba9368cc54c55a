package org.vigie.connectors.instagram;

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
 * Instagram webhooks (object {@code instagram}): {@code comments} (comments and replies on own
 * media, with text), {@code mentions} (media and comment ids only: looked up as
 * {@code mediaId/commentId}) and {@code messages}.
 */
@Component
class InstagramPushReader extends MetaPushReader {

	@Override
	public Network network() {
		return Network.INSTAGRAM;
	}

	@Override
	protected String object() {
		return "instagram";
	}

	@Override
	protected List<PushedEvent> change(String igUserId, String field, JsonNode value, Instant entryTime) {
		if ("mentions".equals(field)) {
			String media = JsonHttp.text(value, "media_id");
			String comment = JsonHttp.text(value, "comment_id");
			if (media == null) {
				return List.of();
			}
			String ref = comment == null ? media : media + "/" + comment;
			return List.of(PushedEvent.lookup(igUserId, Feed.Kind.MENTIONS, "mention:" + ref, ref));
		}
		if (!"comments".equals(field) && !"live_comments".equals(field)) {
			return List.of();
		}
		String id = JsonHttp.text(value, "id");
		String mediaId = JsonHttp.text(value.path("media"), "id");
		if (id == null || mediaId == null) {
			return List.of();
		}
		String username = JsonHttp.text(value.path("from"), "username");
		String authorId = JsonHttp.text(value.path("from"), "id", username == null ? "unknown" : "@" + username);
		String parent = JsonHttp.text(value, "parent_id");
		return List.of(PushedEvent.of(igUserId, Feed.Kind.COMMENTS, "comment:" + id,
				new RemoteItem(id, parent == null ? ItemKind.COMMENT : ItemKind.REPLY,
						new RemoteAuthor(authorId, username, null, null, false, null,
								username == null ? null : "https://www.instagram.com/" + username + "/"),
						JsonHttp.text(value, "text", ""), null, entryTime, parent == null ? mediaId : parent, mediaId,
						igUserId.equals(authorId), Map.of(), value.toString())));
	}
}
