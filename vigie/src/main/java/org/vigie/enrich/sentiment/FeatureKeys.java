package org.vigie.enrich.sentiment;

/**
 * 64-bit keys for features and lexicon entries: FNV-1a over the characters, seeded by a namespace
 * so that the word {@code "bien"}, the hashtag {@code #bien} and the character trigram
 * {@code "bie"} get different keys. With some 10⁵ features a collision is about 10⁻⁹ likely, and
 * a model never needs to store a word in clear.
 */
final class FeatureKeys {

	static final long WORD = 0x01;

	static final long NEGATED_WORD = 0x02;

	static final long BIGRAM = 0x03;

	static final long HASHTAG = 0x04;

	static final long CHARS = 0x05;

	static final long EMOJI = 0x06;

	static final long PUNCTUATION = 0x07;

	static final long DENSE = 0x08;

	static final long LEXICON = 0x09;

	private static final long OFFSET = 0xcbf29ce484222325L;

	private static final long PRIME = 0x100000001b3L;

	private FeatureKeys() {
	}

	static long of(long namespace, CharSequence text) {
		return of(namespace, text, 0, text.length());
	}

	static long of(long namespace, CharSequence text, int start, int end) {
		long h = (OFFSET ^ namespace) * PRIME;
		for (int i = start; i < end; i++) {
			h = (h ^ text.charAt(i)) * PRIME;
		}
		return h;
	}

	static long pair(long namespace, long first, long second) {
		return mix(mix(first ^ namespace) * 31 + second);
	}

	static long dense(int id) {
		return mix(DENSE << 32 | id);
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}
}
