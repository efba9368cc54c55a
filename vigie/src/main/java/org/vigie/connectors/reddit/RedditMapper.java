package org.vigie.connectors.reddit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.ItemKind;

/** Maps Reddit "things" ({@code t1} comments, {@code t3} posts, {@code t4} messages) to {@link RemoteItem}s; ids are fullnames. */
final class RedditMapper {

	private static final Pattern POST_IN_PATH = Pattern.compile("/comments/([a-z0-9]+)/");

	private final String username;

	RedditMapper(String username) {
		this.username = username;
	}

	RemoteItem thing(JsonNode child, ItemKind kind) {
		String type = JsonHttp.text(child, "kind", "");
		JsonNode d = child.path("data");
		String name = JsonHttp.text(d, "name");
		if (name == null) {
			throw new IllegalArgumentException("no name");
		}
		String author = JsonHttp.text(d, "author", "[deleted]");
		RemoteAuthor who = new RemoteAuthor(JsonHttp.text(d, "author_fullname", "u/" + author), author, author, null,
				false, null, "https://www.reddit.com/user/" + author);
		String text = switch (type) {
			case "t3" -> JsonHttp.text(d, "title", "") + (JsonHttp.text(d, "selftext", "").isBlank() ? ""
					: "\n" + JsonHttp.text(d, "selftext", ""));
			case "t4" -> (JsonHttp.text(d, "subject", "").isBlank() ? "" : JsonHttp.text(d, "subject", "") + "\n")
					+ JsonHttp.text(d, "body", "");
			default -> JsonHttp.text(d, "body", "");
		};
		String link = JsonHttp.text(d, "permalink", JsonHttp.text(d, "context"));
		Map<String, Long> metrics = new LinkedHashMap<>();
		Long score = JsonHttp.number(d, "score");
		Long comments = JsonHttp.number(d, "num_comments");
		if (score != null) {
			metrics.put("score", score);
		}
		if (comments != null) {
			metrics.put("comments", comments);
		}
		String parent = "t4".equals(type) ? JsonHttp.text(d, "first_message_name") : JsonHttp.text(d, "parent_id");
		return new RemoteItem(name, kind, who, text, link == null ? null : "https://www.reddit.com" + link,
				RedditClient.created(d), parent, conversation(type, d, name), username.equalsIgnoreCase(author), metrics,
				child.toString());
	}

	private static @Nullable String conversation(String type, JsonNode d, String name) {
		if ("t3".equals(type)) {
			return name;
		}
		if ("t4".equals(type)) {
			return JsonHttp.text(d, "first_message_name", name);
		}
		String link = JsonHttp.text(d, "link_id");
		if (link != null) {
			return link;
		}
		Matcher m = POST_IN_PATH.matcher(JsonHttp.text(d, "context", ""));
		return m.find() ? "t3_" + m.group(1) : null;
	}
}
