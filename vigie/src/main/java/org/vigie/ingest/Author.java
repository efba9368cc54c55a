package org.vigie.ingest;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.Network;

/**
 * Who wrote an item, as the network describes them.
 *
 * @param externalId the network's stable id for the author (user id, DID, channel id, feed author)
 * @param followers how many follow them, if the network says; null when unknown
 */
public record Author(Network network, String externalId, @Nullable String handle, @Nullable String displayName,
		@Nullable Long followers, boolean verified, @Nullable String avatarUrl, @Nullable String profileUrl) {

	public Author {
		Objects.requireNonNull(network, "network");
		if (externalId == null || externalId.isBlank()) {
			throw new IllegalArgumentException("An author needs the network's id for them");
		}
	}

	/** The name to show: display name, else handle, else the id. */
	public String label() {
		return displayName != null && !displayName.isBlank() ? displayName : handle != null ? handle : externalId;
	}
}
