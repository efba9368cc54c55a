package org.vigie.connectors.support;

import org.jspecify.annotations.Nullable;

import org.vigie.connectors.Cursor;

/**
 * A cursor for lists the networks serve newest first with a time filter ({@code since}): a sweep
 * reads every page newer than {@link #since()} by following the network's page token
 * ({@link #after()}), remembering the newest time seen ({@link #high()}); when the last page is
 * read, the next sweep starts from that newest time. Replays at the boundary second are harmless
 * because ingestion upserts.
 *
 * @param since epoch seconds; the sweep reads items at or after it
 * @param after the network's token for the next page of the sweep in progress; null between sweeps
 * @param high the newest item time seen so far in this sweep, epoch seconds
 */
public record SweepCursor(long since, @Nullable String after, long high) {

	private static final String SEP = "|";

	/** The state of a first sweep starting {@code since}. */
	public static SweepCursor startingAt(long since) {
		return new SweepCursor(since, null, since);
	}

	/**
	 * Decodes a stored cursor; the start cursor begins at {@code firstSince}.
	 * @throws IllegalArgumentException if the cursor was not written by this class
	 */
	public static SweepCursor decode(Cursor cursor, long firstSince) {
		if (cursor.isStart()) {
			return startingAt(firstSince);
		}
		String[] parts = cursor.value().split("\\|", -1);
		if (parts.length != 3) {
			throw new IllegalArgumentException("Not a sweep cursor: " + cursor.value());
		}
		return new SweepCursor(Long.parseLong(parts[0]), parts[1].isEmpty() ? null : parts[1], Long.parseLong(parts[2]));
	}

	/** After a page: {@code newest} is the newest time on it, {@code nextAfter} the token to the next page, null at the end. */
	public SweepCursor advance(long newest, @Nullable String nextAfter) {
		long h = Math.max(high, newest);
		return nextAfter == null ? new SweepCursor(h, null, h) : new SweepCursor(since, nextAfter, h);
	}

	public boolean midSweep() {
		return after != null;
	}

	public Cursor encode() {
		return new Cursor(since + SEP + (after == null ? "" : after) + SEP + high);
	}
}
