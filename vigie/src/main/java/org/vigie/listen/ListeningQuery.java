package org.vigie.listen;

import java.time.Instant;
import java.util.Objects;

import org.vigie.shared.ShowId;

/**
 * A saved listening query of a show.
 *
 * @param text the query in the listening language, as typed
 * @param enabled false to stop matching and searching without deleting it
 * @param appliesFrom items created from this instant on are matched as they are ingested; older
 *        ones only by a backfill over the archive
 */
public record ListeningQuery(QueryId id, ShowId show, String name, String text, boolean enabled, Instant appliesFrom,
		Instant createdAt, Instant updatedAt) {

	public ListeningQuery {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(show, "show");
		Objects.requireNonNull(appliesFrom, "appliesFrom");
		if (name.isBlank()) {
			throw new IllegalArgumentException("listen.name-required");
		}
		if (text.isBlank()) {
			throw new IllegalArgumentException("listen.query-required");
		}
	}
}
