package org.vigie.connectors;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.ItemKind;

/**
 * One item as a connector read it, already mapped from the network's JSON but not yet normalised
 * into Vigie's records. Identity on its network is {@link #externalId()}.
 *
 * @param parentExternalId the item this one answers, if any
 * @param conversationExternalId the root of its thread, if known
 * @param fromUs true if written by the polled account itself
 * @param metrics public counters (likes, reposts, replies, views…) by name; empty when not read
 * @param raw the network's own representation of the item (JSON/XML text), for debugging; may be null
 */
public record RemoteItem(String externalId, ItemKind kind, RemoteAuthor author, String text, @Nullable String url,
		Instant createdAt, @Nullable String parentExternalId, @Nullable String conversationExternalId, boolean fromUs,
		Map<String, Long> metrics, @Nullable String raw) {

	public RemoteItem {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(author, "author");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(createdAt, "createdAt");
		if (externalId == null || externalId.isBlank()) {
			throw new IllegalArgumentException("An item needs the network's id for it");
		}
		metrics = Map.copyOf(metrics);
	}
}
