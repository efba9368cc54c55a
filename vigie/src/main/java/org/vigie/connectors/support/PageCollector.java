package org.vigie.connectors.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.vigie.connectors.Batch;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.RemoteItem;

/**
 * Gathers the items of one poll, isolating each: a network object that cannot be mapped is
 * recorded as {@link Batch.Rejected} with its reason and raw form, and the others flow on.
 */
public final class PageCollector {

	/** Maps one network object; throws {@link IllegalArgumentException} (or any runtime exception) when it is malformed. */
	@FunctionalInterface
	public interface Mapping {

		RemoteItem map(JsonNode node);
	}

	private final List<RemoteItem> items = new ArrayList<>();

	private final List<Batch.Rejected> rejected = new ArrayList<>();

	/** Maps {@code node}, or records it as rejected. */
	public void add(JsonNode node, Mapping mapping) {
		try {
			items.add(mapping.map(node));
		}
		catch (RuntimeException e) {
			// Reddit wraps a thing as {kind, data: {name, id}}; the others carry the id at the top.
			String id = JsonHttp.text(node, "id", JsonHttp.text(node.path("data"), "name",
					JsonHttp.text(node.path("data"), "id", "unknown")));
			rejected.add(new Batch.Rejected(id, "Unreadable item: " + e.getMessage(), node.toString()));
		}
	}

	/** The newest creation time among the mapped items, in epoch seconds; {@code fallback} when none. */
	public long newestEpochSecond(long fallback) {
		return items.stream().map(RemoteItem::createdAt).max(Comparator.naturalOrder()).map(Instant::getEpochSecond)
			.orElse(fallback);
	}

	public boolean isEmpty() {
		return items.isEmpty() && rejected.isEmpty();
	}

	/** The batch, items oldest first. */
	public Batch batch(Cursor next, boolean hasMore) {
		List<RemoteItem> sorted = new ArrayList<>(items);
		sorted.sort(Comparator.comparing(RemoteItem::createdAt).thenComparing(RemoteItem::externalId));
		return new Batch(sorted, rejected, next, hasMore);
	}
}
