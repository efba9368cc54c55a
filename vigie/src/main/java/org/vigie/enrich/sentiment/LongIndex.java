package org.vigie.enrich.sentiment;

/**
 * An immutable open-addressing map from 64-bit keys to dense indexes 0…n−1, so that a model's
 * weights sit in one float array. About 16 bytes a key.
 */
final class LongIndex {

	private static final long EMPTY = 0;

	private final long[] keys;

	private final int[] slots;

	private final int mask;

	LongIndex(long[] entries) {
		int capacity = Integer.highestOneBit(Math.max(4, entries.length * 2 - 1)) << 1;
		this.keys = new long[capacity];
		this.slots = new int[capacity];
		this.mask = capacity - 1;
		for (int i = 0; i < entries.length; i++) {
			long key = entries[i] == EMPTY ? 1 : entries[i];
			int at = spread(key) & mask;
			while (keys[at] != EMPTY) {
				if (keys[at] == key) {
					throw new IllegalArgumentException("Duplicate key " + Long.toHexString(key));
				}
				at = at + 1 & mask;
			}
			keys[at] = key;
			slots[at] = i;
		}
	}

	/** The index of {@code key}, or −1. */
	int get(long key) {
		if (key == EMPTY) {
			key = 1;
		}
		int at = spread(key) & mask;
		while (true) {
			long k = keys[at];
			if (k == key) {
				return slots[at];
			}
			if (k == EMPTY) {
				return -1;
			}
			at = at + 1 & mask;
		}
	}

	private static int spread(long key) {
		return (int) (key ^ key >>> 29 ^ key >>> 47);
	}
}
