package org.vigie.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.Network;

/**
 * A post, reply or direct message on a simulated network: the ground truth the fakes serve and
 * the tests count against.
 *
 * @param id the network's id; ids grow with time on every simulated network
 * @param inReplyToId the post this one answers, if any
 * @param conversationId the root of its thread (its own id for a root)
 * @param mentions handles mentioned, without {@code @}
 * @param directTo for a direct message, the user it is sent to; null for a public post
 * @param show the slug of the show it is about, if any
 * @param malformed true for a post the fake serves broken (fault injection)
 */
public record SimPost(String id, Network network, SimUser author, String text, Instant createdAt,
		@Nullable String inReplyToId, @Nullable String inReplyToUserId, String conversationId, List<String> mentions,
		List<String> hashtags, @Nullable SimUser directTo, String lang, @Nullable String show, long likes,
		long reposts, long replies, long impressions, boolean hidden, boolean malformed,
		@Nullable String idempotencyKey) {

	public SimPost {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(network, "network");
		Objects.requireNonNull(author, "author");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(createdAt, "createdAt");
		mentions = List.copyOf(mentions);
		hashtags = List.copyOf(hashtags);
	}

	public boolean isDirect() {
		return directTo != null;
	}

	public boolean mentions(String handle) {
		return mentions.stream().anyMatch(m -> m.equalsIgnoreCase(handle));
	}

	/** The numeric id, for ordering and paging. */
	public long number() {
		return Long.parseLong(id);
	}

	public SimPost withLikes(long likes) {
		return new SimPost(id, network, author, text, createdAt, inReplyToId, inReplyToUserId, conversationId, mentions,
				hashtags, directTo, lang, show, likes, reposts, replies, impressions, hidden, malformed, idempotencyKey);
	}

	SimPost withReplies(long replies) {
		return new SimPost(id, network, author, text, createdAt, inReplyToId, inReplyToUserId, conversationId, mentions,
				hashtags, directTo, lang, show, likes, reposts, replies, impressions, hidden, malformed, idempotencyKey);
	}

	public SimPost withHidden(boolean hidden) {
		return new SimPost(id, network, author, text, createdAt, inReplyToId, inReplyToUserId, conversationId, mentions,
				hashtags, directTo, lang, show, likes, reposts, replies, impressions, hidden, malformed, idempotencyKey);
	}

	SimPost withMalformed(boolean malformed) {
		return new SimPost(id, network, author, text, createdAt, inReplyToId, inReplyToUserId, conversationId, mentions,
				hashtags, directTo, lang, show, likes, reposts, replies, impressions, hidden, malformed, idempotencyKey);
	}
}
