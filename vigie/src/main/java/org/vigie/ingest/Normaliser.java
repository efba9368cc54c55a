package org.vigie.ingest;

import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.WorkspaceId;

/**
 * Turns what a connector read into Vigie's {@link IncomingItem}: same shape whatever the network.
 * Pure and thread-safe.
 */
final class Normaliser {

	private Normaliser() {
	}

	/**
	 * @param replyToUs whether the item answers something one of our accounts wrote (the caller
	 *        knows the stored items)
	 * @throws IllegalArgumentException if the item lacks what every item needs
	 */
	static IncomingItem normalise(RemoteItem remote, SocialAccount account, WorkspaceId workspace, boolean replyToUs) {
		RemoteAuthor a = remote.author();
		Author author = new Author(account.network(), a.externalId(), blankToNull(a.handle()), blankToNull(a.displayName()),
				a.followers(), a.verified(), a.avatarUrl(), a.profileUrl());
		String conversation = remote.conversationExternalId() != null ? remote.conversationExternalId()
				: remote.parentExternalId();
		boolean toUs = !remote.fromUs() && (replyToUs || remote.kind() == ItemKind.COMMENT);
		return new IncomingItem(ItemId.generate(), account.network(), remote.externalId(), remote.kind(), workspace,
				account.show(), account.id(), author, remote.text(), remote.url(), remote.createdAt(),
				remote.parentExternalId(), conversation, remote.fromUs(), toUs, remote.raw(), Annotations.NONE);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
