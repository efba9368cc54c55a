package org.vigie.inbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A reply we write to an item, with its delivery state.
 *
 * @param reason why it failed, in the network's words; null unless {@link ReplyState#FAILED}
 * @param externalId the network's id of the reply once sent
 */
public record Reply(String id, String itemId, String userName, String text, ReplyState state, @Nullable String reason,
		@Nullable String externalId, int attempts, Instant createdAt) {
}
