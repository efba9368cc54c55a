package org.vigie.connectors;

import java.util.List;
import java.util.Objects;

/**
 * One page of a feed, oldest first, with the cursor to resume after it.
 *
 * @param items what was read; may be empty
 * @param rejected items of the page that could not be mapped (malformed), to be recorded and skipped
 * @param next where to resume; store it with the items
 * @param hasMore true if another page is ready now (the runtime polls again without waiting)
 */
public record Batch(List<RemoteItem> items, List<Rejected> rejected, Cursor next, boolean hasMore) {

	public Batch {
		items = List.copyOf(items);
		rejected = List.copyOf(rejected);
		Objects.requireNonNull(next, "next");
	}

	public static Batch of(List<RemoteItem> items, Cursor next, boolean hasMore) {
		return new Batch(items, List.of(), next, hasMore);
	}

	/** An item of a page that could not be mapped, with the reason in words and its raw form. */
	public record Rejected(String externalId, String reason, String raw) {
	}
}
