package org.vigie.archive;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.ShowId;

/**
 * Which part of the archive a search looks at.
 *
 * @param from items created at or after; null for no lower bound
 * @param to items created before; null for no upper bound
 * @param shows only items of these shows; empty for every item, with or without a show
 */
public record ArchiveScope(@Nullable Instant from, @Nullable Instant to, Set<ShowId> shows) {

	/** The whole archive. */
	public static final ArchiveScope ALL = new ArchiveScope(null, null, Set.of());

	public ArchiveScope {
		shows = Set.copyOf(shows);
		if (from != null && to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("The end of a search period is before its start");
		}
	}

	/** Items created at or after {@code from}. */
	public static ArchiveScope since(Instant from) {
		return new ArchiveScope(from, null, Set.of());
	}

	/** The same period, restricted to {@code shows} (empty: all). */
	public ArchiveScope withShows(Set<ShowId> shows) {
		return new ArchiveScope(from, to, shows);
	}
}
