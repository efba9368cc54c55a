package org.vigie.connectors.bluesky;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.vigie.connectors.Cursor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a newest-first listing (notifications, an author feed, a search) was left. Between walks
 * only the {@code mark} is kept: the newest item already handed on (its time and the URIs at that
 * time). A walk starts at the top of the listing and follows the API's cursor page by page until it
 * reaches the mark; in the middle of a walk the cursor also holds the API's cursor and the top of the
 * walk, which becomes the new mark when the walk ends. A crash in the middle of a walk re-reads
 * one page at most, and the upsert makes that harmless. Stored as JSON in the opaque {@link Cursor}.
 */
record NewestFirstWalk(@Nullable Instant markAt, Set<String> markUris, @Nullable String apiCursor,
		@Nullable Instant topAt, Set<String> topUris, int pages) {

	static final NewestFirstWalk START = new NewestFirstWalk(null, Set.of(), null, null, Set.of(), 0);

	NewestFirstWalk {
		markUris = Set.copyOf(markUris);
		topUris = Set.copyOf(topUris);
	}

	boolean walking() {
		return apiCursor != null;
	}

	/** True if an item listed at {@code at} with {@code uri} was not handed on before. */
	boolean isNew(Instant at, String uri) {
		return markAt == null || at.isAfter(markAt) || at.equals(markAt) && !markUris.contains(uri);
	}

	/** The walk continues from {@code next} with {@code top} as the future mark. */
	NewestFirstWalk continueAt(String next, @Nullable Instant top, Set<String> topUris) {
		return new NewestFirstWalk(markAt, markUris, next, top, topUris, pages + 1);
	}

	/** The walk is over: the top becomes the mark (the old mark stays if nothing newer was seen). */
	NewestFirstWalk finish(@Nullable Instant top, Set<String> topUris) {
		if (top == null || markAt != null && !top.isAfter(markAt)) {
			if (top != null && top.equals(markAt)) {
				Set<String> merged = new HashSet<>(markUris);
				merged.addAll(topUris);
				return new NewestFirstWalk(markAt, merged, null, null, Set.of(), 0);
			}
			return new NewestFirstWalk(markAt, markUris, null, null, Set.of(), 0);
		}
		return new NewestFirstWalk(top, topUris, null, null, Set.of(), 0);
	}

	static NewestFirstWalk from(Cursor cursor) {
		if (cursor.isStart()) {
			return START;
		}
		try {
			JsonNode node = XrpcClient.JSON.readTree(cursor.value());
			return new NewestFirstWalk(instant(node, "markAt"), strings(node, "markUris"), text(node, "api"),
					instant(node, "topAt"), strings(node, "topUris"), node.path("pages").asInt(0));
		}
		catch (JacksonException | DateTimeException unreadable) {
			return START;
		}
	}

	Cursor toCursor() {
		ObjectNode node = XrpcClient.JSON.createObjectNode();
		if (markAt != null) {
			node.put("markAt", markAt.toString());
			ArrayNode uris = node.putArray("markUris");
			markUris.stream().sorted().forEach(uris::add);
		}
		if (apiCursor != null) {
			node.put("api", apiCursor);
			node.put("pages", pages);
			if (topAt != null) {
				node.put("topAt", topAt.toString());
				ArrayNode uris = node.putArray("topUris");
				topUris.stream().sorted().forEach(uris::add);
			}
		}
		return new Cursor(XrpcClient.JSON.writeValueAsString(node));
	}

	private static @Nullable Instant instant(JsonNode node, String field) {
		String s = node.path(field).asString("");
		return s.isEmpty() ? null : Instant.parse(s);
	}

	private static @Nullable String text(JsonNode node, String field) {
		String s = node.path(field).asString("");
		return s.isEmpty() ? null : s;
	}

	private static Set<String> strings(JsonNode node, String field) {
		Set<String> out = new HashSet<>();
		node.path(field).forEach(n -> out.add(n.asString()));
		return out;
	}
}
