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
 * Where a feed was left: the HTTP validators of the last {@code 200} (for the conditional GET) and
 * the entries it held, by external id with their fingerprint, so that only new or edited entries
 * are handed on. Stored as JSON in the opaque {@link Cursor}.
 *
 * @param seen external id → fingerprint of the entries in the last document read
 */
record FeedCursor(@Nullable String etag, @Nullable String lastModified, Map<String, String> seen) {

	static final FeedCursor START = new FeedCursor(null, null, Map.of());

	private static final JsonMapper JSON = JsonMapper.builder().build();

	FeedCursor {
		seen = Map.copyOf(seen);
	}

	/** Reads a stored cursor; an unreadable one starts over (the upsert makes re-reading harmless). */
	static FeedCursor from(Cursor cursor) {
		if (cursor.isStart()) {
			return START;
		}
		try {
			JsonNode node = JSON.readTree(cursor.value());
			Map<String, String> seen = new LinkedHashMap<>();
			JsonNode entries = node.path("seen");
			for (Map.Entry<String, JsonNode> e : entries.properties()) {
				seen.put(e.getKey(), e.getValue().asString());
			}
			return new FeedCursor(text(node, "etag"), text(node, "lastModified"), seen);
		}
		catch (JacksonException unreadable) {
			return START;
		}
	}

	Cursor toCursor() {
		ObjectNode node = JSON.createObjectNode();
		if (etag != null) {
			node.put("etag", etag);
		}
		if (lastModified != null) {
			node.put("lastModified", lastModified);
		}
		ObjectNode entries = node.putObject("seen");
		seen.forEach(entries::put);
		return new Cursor(JSON.writeValueAsString(node));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}
}
