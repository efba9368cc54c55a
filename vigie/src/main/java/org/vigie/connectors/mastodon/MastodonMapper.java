package org.vigie.connectors.mastodon;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.vigie.connectors.Batch;
import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.shared.ItemKind;
import tools.jackson.databind.JsonNode;

/**
 * Maps Mastodon entities (Status, Notification, Conversation) to {@link RemoteItem}s: HTML
 * content to plain text, {@code visibility: direct} to direct messages, replies to our statuses to
 * comments. An element missing what every item needs becomes a {@link Batch.Rejected}. Pure.
 */
final class MastodonMapper {

	private MastodonMapper() {
	}

	record Page(List<RemoteItem> items, List<Batch.Rejected> rejected, String maxId) {
	}

	/** How to find the status in each element of the page. */
	enum Shape {
		STATUS, NOTIFICATION, CONVERSATION
	}

	/** Maps a page (newest first, as Mastodon sends it) into items oldest first. */
	static Page page(JsonNode array, Shape shape, String me, boolean listening) {
		List<RemoteItem> items = new ArrayList<>();
		List<Batch.Rejected> rejected = new ArrayList<>();
		String maxId = "";
		for (int i = array.size() - 1; i >= 0; i--) {
			JsonNode element = array.get(i);
			String id = element.path("id").asString("");
			if (newer(id, maxId)) {
				maxId = id;
			}
			JsonNode status = switch (shape) {
				case STATUS -> element;
				case NOTIFICATION -> element.path("status");
				case CONVERSATION -> element.path("last_status");
			};
			if (shape == Shape.NOTIFICATION && !"mention".equals(element.path("type").asString(""))) {
				continue;
			}
			try {
				items.add(status(status, me, listening));
			}
			catch (RuntimeException e) {
				String sid = status.path("id").asString(id);
				rejected.add(new Batch.Rejected(sid.isEmpty() ? "?" : sid, "Élément Mastodon illisible : " + e.getMessage(),
						element.toString()));
			}
		}
		return new Page(items, rejected, maxId);
	}

	static RemoteItem status(JsonNode s, String me, boolean listening) {
		String id = required(s, "id");
		Instant created;
		try {
			created = Instant.parse(required(s, "created_at"));
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("date illisible « " + s.path("created_at").asString() + " »");
		}
		String text = text(required(s, "content"));
		JsonNode account = s.path("account");
		String authorId = required(account, "id");
		String parent = s.path("in_reply_to_id").asString(null);
		String parentAccount = s.path("in_reply_to_account_id").asString(null);
		boolean fromUs = authorId.equals(me);
		ItemKind kind;
		if ("direct".equals(s.path("visibility").asString(""))) {
			kind = ItemKind.DIRECT_MESSAGE;
		}
		else if (fromUs) {
			kind = parent == null ? ItemKind.POST : ItemKind.REPLY;
		}
		else if (listening) {
			kind = ItemKind.LISTENING_HIT;
		}
		else if (me.equals(parentAccount)) {
			kind = ItemKind.COMMENT;
		}
		else if (parent != null) {
			kind = ItemKind.REPLY;
		}
		else {
			kind = ItemKind.MENTION;
		}
		Map<String, Long> metrics = new LinkedHashMap<>();
		put(metrics, "likes", s.path("favourites_count"));
		put(metrics, "reposts", s.path("reblogs_count"));
		put(metrics, "replies", s.path("replies_count"));
		put(metrics, "quotes", s.path("quotes_count"));
		JsonNode followers = account.path("followers_count");
		RemoteAuthor author = new RemoteAuthor(authorId, account.path("acct").asString(null),
				blankToNull(account.path("display_name").asString(null)), followers.isNumber() ? followers.asLong() : null,
				false, account.path("avatar").asString(null), account.path("url").asString(null));
		return new RemoteItem(id, kind, author, text, s.path("url").asString(null), created, parent, null, fromUs, metrics,
				s.toString());
	}

	/** Mastodon's HTML content as plain text: paragraphs and line breaks kept, tags and entities resolved. */
	static String text(String html) {
		Document doc = Jsoup.parseBodyFragment(html);
		doc.select("br").after("\n");
		doc.select("p").after("\n\n");
		return doc.body().wholeText().replaceAll("\n{3,}", "\n\n").trim();
	}

	/** Mastodon ids are snowflakes in strings: longer is newer, then lexicographic. */
	static boolean newer(String a, String b) {
		return a.length() != b.length() ? a.length() > b.length() : a.compareTo(b) > 0;
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

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
