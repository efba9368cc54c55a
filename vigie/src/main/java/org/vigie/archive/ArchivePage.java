package org.vigie.archive;

import java.util.List;

import org.vigie.shared.ItemId;

/**
 * One page of search results.
 *
 * @param ids the items of this page, in the order asked for
 * @param total how many items match in all
 */
public record ArchivePage(List<ItemId> ids, long total) {

	public ArchivePage {
		ids = List.copyOf(ids);
	}
}
