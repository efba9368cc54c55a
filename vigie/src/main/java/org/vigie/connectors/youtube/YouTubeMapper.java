package org.vigie.connectors.youtube;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.ItemKind;

/** Maps YouTube comments and search results to {@link RemoteItem}s. */
final class YouTubeMapper {

	private final String channelId;

	YouTubeMapper(String channelId) {
		this.channelId = channelId;
	}

	/** A comment: top-level when {@code parentId} is null (its thread id is its own id), a reply otherwise. */
	RemoteItem comment(JsonNode comment, @Nullable String parentId) {
		String id = JsonHttp.text(comment, "id");
		if (id == null) {
			throw new IllegalArgumentException("no id");
		}
		JsonNode s = comment.path("snippet");
		String parent = parentId != null ? parentId : JsonHttp.text(s, "parentId");
		String author = JsonHttp.text(s.path("authorChannelId"), "value");
		RemoteAuthor who = new RemoteAuthor(author == null ? "unknown" : author, JsonHttp.text(s, "authorDisplayName"),
				JsonHttp.text(s, "authorDisplayName"), null, false, JsonHttp.text(s, "authorProfileImageUrl"),
				JsonHttp.text(s, "authorChannelUrl"));
		// textOriginal is the raw text; textDisplay is HTML and only a fallback (escaped again when rendered).
		String text = JsonHttp.text(s, "textOriginal", JsonHttp.text(s, "textDisplay", ""));
		String video = JsonHttp.text(s, "videoId");
		Map<String, Long> metrics = new LinkedHashMap<>();
		Long likes = JsonHttp.number(s, "likeCount");
		if (likes != null) {
			metrics.put("likes", likes);
		}
		String thread = parent == null ? id : parent;
		return new RemoteItem(id, parent == null ? ItemKind.COMMENT : ItemKind.REPLY, who, text,
				video == null ? null : "https://www.youtube.com/watch?v=" + video + "&lc=" + id,
				YouTubeClient.time(s, "publishedAt"), parent == null ? video : parent, thread,
				channelId.equals(author), metrics, comment.toString());
	}

	/** A video found by search (listening). */
	RemoteItem video(JsonNode result) {
		String videoId = JsonHttp.text(result.path("id"), "videoId");
		if (videoId == null) {
			throw new IllegalArgumentException("no id.videoId");
		}
		JsonNode s = result.path("snippet");
		String channel = JsonHttp.text(s, "channelId", "unknown");
		String title = JsonHttp.text(s, "title", "");
		String description = JsonHttp.text(s, "description", "");
		return new RemoteItem(videoId, channelId.equals(channel) ? ItemKind.POST : ItemKind.LISTENING_HIT,
				new RemoteAuthor(channel, null, JsonHttp.text(s, "channelTitle"), null, false, null,
						"https://www.youtube.com/channel/" + channel),
				description.isBlank() ? title : title + "\n" + description, "https://www.youtube.com/watch?v=" + videoId,
				YouTubeClient.time(s, "publishedAt"), null, videoId, channelId.equals(channel), Map.of(), result.toString());
	}
}
