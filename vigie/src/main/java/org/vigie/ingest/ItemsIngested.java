package org.vigie.ingest;

import java.util.List;

/**
 * Items newly stored by one ingestion transaction, published after it committed. Replays of items
 * already stored are not in it. Listeners (archive index, trends, live inbox) must not assume
 * they see every item exactly once across crashes: rebuild from the database when in doubt.
 */
public record ItemsIngested(List<IncomingItem> items) {

	public ItemsIngested {
		items = List.copyOf(items);
	}
}
