/**
 * A fake of Reddit's OAuth API ({@code /sim/reddit/…}): inbox (mentions, comment and post
 * replies, private messages), search, comment, vote, delete, moderator remove and approve,
 * {@code /api/info}; Listings with {@code after} fullnames, {@code X-Ratelimit-*} headers and 429s,
 * and the token endpoint with permanent refresh tokens.
 */
@NullMarked
package org.vigie.simulator.reddit;

import org.jspecify.annotations.NullMarked;
