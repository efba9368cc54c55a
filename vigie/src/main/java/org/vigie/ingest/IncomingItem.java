package org.vigie.ingest;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.AccountId;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;
import org.vigie.shared.WorkspaceId;

/**
 * An item on its way into Vigie, normalised from what a connector returned: the same shape
 * whatever the network. Identity is ({@link #network()}, {@link #externalId()}); {@link #id()} is
 * Vigie's own id, kept by the stored row when the item was already there.
 *
 * @param show the show the item concerns: the account's show, or the show of the listening query that found it
 * @param account the account of ours it was read through; null for a listening hit found by search or a feed
 * @param parentExternalId the external id of the item this one answers, if any
 * @param conversationExternalId the external id of the thread's root (our post, the first DM…), if known
 * @param fromUs true if one of our accounts wrote it (our posts, our replies)
 * @param replyToUs true if it answers something we wrote
 * @param raw the network's JSON (or XML) for this item, kept for debugging and reprocessing; may be null
 */
public record IncomingItem(ItemId id, Network network, String externalId, ItemKind kind, WorkspaceId workspace,
		@Nullable ShowId show, @Nullable AccountId account, Author author, String text, @Nullable String url,
		Instant createdAt, @Nullable String parentExternalId, @Nullable String conversationExternalId, boolean fromUs,
		boolean replyToUs, @Nullable String raw, Annotations annotations) {

	public IncomingItem {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(network, "network");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(workspace, "workspace");
		Objects.requireNonNull(author, "author");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(annotations, "annotations");
		if (externalId == null || externalId.isBlank()) {
			throw new IllegalArgumentException("An item needs the network's id for it");
		}
	}

	public IncomingItem withAnnotations(Annotations annotations) {
		return new IncomingItem(id, network, externalId, kind, workspace, show, account, author, text, url, createdAt,
				parentExternalId, conversationExternalId, fromUs, replyToUs, raw, annotations);
	}
}
