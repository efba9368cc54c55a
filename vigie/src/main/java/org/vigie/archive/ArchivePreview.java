package org.vigie.archive;

import java.util.List;

import org.vigie.shared.ItemId;

/**
 * What the archive says about a query being written: how many items it matches over the last 7
 * and 30 days, and the newest of them.
 *
 * @param last7 matches created in the last 7 days
 * @param last30 matches created in the last 30 days
 * @param newest the newest matches of the last 30 days, newest first
 */
public record ArchivePreview(long last7, long last30, List<ItemId> newest) {

	public ArchivePreview {
		newest = List.copyOf(newest);
	}
}
