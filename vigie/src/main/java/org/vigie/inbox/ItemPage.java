package org.vigie.inbox;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the stream.
 *
 * @param nextCursor opaque; pass it back as {@code cursor} for the next page; null on the last page
 */
public record ItemPage(List<InboxItem> items, @Nullable String nextCursor) {

	public ItemPage {
		items = List.copyOf(items);
	}
}
