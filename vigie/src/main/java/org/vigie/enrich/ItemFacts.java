package org.vigie.enrich;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.ItemKind;

/**
 * What the priority needs to know about an item besides its text.
 *
 * @param kind comment, mention, direct message…
 * @param replyToUs whether it answers something we wrote
 * @param followers the author's follower count, null when the network does not say
 * @param createdAt when it was written
 */
public record ItemFacts(ItemKind kind, boolean replyToUs, @Nullable Long followers, Instant createdAt) {

	public ItemFacts {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(createdAt, "createdAt");
	}
}
