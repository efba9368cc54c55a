package org.vigie.connectors;

import org.jspecify.annotations.Nullable;

/** The author of a {@link RemoteItem}, as the network describes them. */
public record RemoteAuthor(String externalId, @Nullable String handle, @Nullable String displayName,
		@Nullable Long followers, boolean verified, @Nullable String avatarUrl, @Nullable String profileUrl) {

	public RemoteAuthor {
		if (externalId == null || externalId.isBlank()) {
			throw new IllegalArgumentException("An author needs the network's id for them");
		}
	}
}
