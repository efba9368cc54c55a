package org.vigie.enrich;

import java.time.Duration;

/**
 * How much each reason adds to an item's priority (0–100, higher first in the inbox).
 *
 * @param base every item's starting points
 * @param question the item asks something
 * @param complaint the item complains (refund, still waiting, does not work…)
 * @param negative the sentiment is negative
 * @param directMessage the item is a private message
 * @param replyToUs the item answers one of our posts or replies
 * @param influential the author has at least {@code influentialFollowers} followers (twice the
 *     points from ten times as many)
 * @param influentialFollowers the follower count from which an author is influential
 * @param recent the item is younger than {@code recentWithin}
 * @param recentWithin how young an item must be to count as recent
 * @param toxic the item is abusive and may need moderating
 */
public record PriorityPolicy(int base, int question, int complaint, int negative, int directMessage, int replyToUs,
		int influential, long influentialFollowers, int recent, Duration recentWithin, int toxic) {

	/** Vigie's defaults. */
	public static final PriorityPolicy DEFAULT = new PriorityPolicy(10, 20, 20, 15, 20, 15, 10, 10_000, 10,
			Duration.ofHours(2), 5);

	public PriorityPolicy {
		if (influentialFollowers < 1 || recentWithin.isNegative()) {
			throw new IllegalArgumentException("influentialFollowers must be positive and recentWithin not negative");
		}
	}
}
