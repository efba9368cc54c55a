package org.vigie.connectors.rss;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vigie.connectors.Cursor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a feed was left: the HTTP validators of the last newest document read (for the conditional
 * GET) and the entries it held, by external id with their fingerprint, so that only new or edited
 * entries are handed on. While older documents are being walked (RFC 5005 paging, see
 * {@link RssConnector}), the {@link Walk} says which document comes next and what becomes of the
 * cursor once the walk is over. Stored as JSON in the opaque {@link Cursor}.
 *
 * @param seen external id → fingerprint of the entries in the last newest document read: the mark a
 *     walk stops at
 * @param walk the walk of older documents in progress, or null
 */
record FeedCursor(@Nullable String etag, @Nullable String lastModified, Map<String, String> seen, @Nullable Walk walk) {

	static final FeedCursor START = new FeedCursor(null, null, Map.of(), null);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	FeedCursor {
		seen = Map.copyOf(seen);
	}

	/**
	 * A walk through older documents, started from a newest document that did not reach the mark.
	 *
	 * @param next the address of the next older document to read
	 * @param pages documents read so far in this walk, the newest included
	 * @param etag the validators of the newest document, kept for when the walk is over
	 * @param top its entries, which become the mark when the walk is over
	 */
	record Walk(String next, int pages, @Nullable String etag, @Nullable String lastModified, Map<String, String> top) {

		Walk {
			top = Map.copyOf(top);
		}
	}

	/** The cursor once the walk in progress is over: the newest document of the walk becomes the mark. */
	FeedCursor walked() {
		return walk == null ? this : new FeedCursor(walk.etag(), walk.lastModified(), walk.top(), null);
	}

	/** Reads a stored cursor; an unreadable one starts over (the upsert makes re-reading harmless). */
	static FeedCursor from(Cursor cursor) {
		if (cursor.isStart()) {
			return START;
		}
		try {
			JsonNode node = JSON.readTree(cursor.value());
			Walk walk = null;
			JsonNode w = node.get("walk");
			if (w != null && w.isObject() && text(w, "next") != null) {
				walk = new Walk(text(w, "next"), w.path("pages").asInt(1), text(w, "etag"), text(w, "lastModified"),
						entries(w.path("top")));
			}
			return new FeedCursor(text(node, "etag"), text(node, "lastModified"), entries(node.path("seen")), walk);
		}
		catch (JacksonException unreadable) {
			return START;
		}
	}

	Cursor toCursor() {
		ObjectNode node = JSON.createObjectNode();
		put(node, "etag", etag);
		put(node, "lastModified", lastModified);
		ObjectNode entries = node.putObject("seen");
		seen.forEach(entries::put);
		if (walk != null) {
			ObjectNode w = node.putObject("walk");
			w.put("next", walk.next());
			w.put("pages", walk.pages());
			put(w, "etag", walk.etag());
			put(w, "lastModified", walk.lastModified());
			ObjectNode top = w.putObject("top");
			walk.top().forEach(top::put);
		}
		return new Cursor(JSON.writeValueAsString(node));
	}

	private static Map<String, String> entries(JsonNode node) {
		Map<String, String> seen = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : node.properties()) {
			seen.put(e.getKey(), e.getValue().asString());
		}
		return seen;
	}

	private static void put(ObjectNode node, String field, @Nullable String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}
}
