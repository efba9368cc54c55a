package org.vigie.inbox.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.vigie.inbox.InboxItem;
import org.vigie.inbox.Reply;

/** One message of a thread: an item from the network, or one of our replies still known only to Vigie. */
public record ThreadEntry(@Nullable InboxItem item, @Nullable Reply reply, boolean focus) {

	public Instant at() {
		return item != null ? item.createdAt() : reply.createdAt();
	}
}
