package org.vigie.shared;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): identifiers created later sort later, which keeps the
 * B-tree indexes of both SQLite and PostgreSQL append-mostly and lets ids double as a stable
 * paging key. Monotonic within one process even when the clock stands still.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final AtomicLong LAST = new AtomicLong();

	private Ids() {
	}

	/** A new version-7 UUID. Thread-safe. */
	public static UUID next() {
		long now = System.currentTimeMillis();
		// 48 bits of milliseconds then a 12-bit counter: strictly increasing within this process.
		long stamp = LAST.updateAndGet(last -> Math.max(last + 1, now << 12));
		long millis = stamp >>> 12;
		long counter = stamp & 0xFFF;
		long msb = (millis << 16) | (0x7L << 12) | counter;
		long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}
}
