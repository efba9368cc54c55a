package org.vigie.listen;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.ShowId;

/**
 * What a person submits to create or change a listening query.
 *
 * @param appliesFrom from when ingested items are matched; null for now
 */
public record QueryDraft(ShowId show, String name, String text, boolean enabled, @Nullable Instant appliesFrom) {

	public QueryDraft {
		Objects.requireNonNull(show, "show");
		name = name == null ? "" : name.trim();
		text = text == null ? "" : text.trim();
		if (name.isEmpty() || name.length() > 200) {
			throw new IllegalArgumentException("listen.name-required");
		}
		if (text.isEmpty() || text.length() > 4000) {
			throw new IllegalArgumentException("listen.query-required");
		}
	}
}
