package org.vigie.enrich.sentiment;

import org.jspecify.annotations.Nullable;

/**
 * The polarity tables the features use, stored inside the model file by key (never as words):
 * word valences on VADER's −4…+4 scale, and each emoji's negative / neutral / positive shares.
 */
final class Lexicon {

	static final Lexicon EMPTY = new Lexicon(new long[0], new float[0], new long[0], new float[0]);

	private final long[] wordKeys;

	private final float[] valences;

	private final long[] emojiKeys;

	private final float[] shares;

	private final LongIndex words;

	private final LongIndex emojis;

	Lexicon(long[] wordKeys, float[] valences, long[] emojiKeys, float[] shares) {
		if (wordKeys.length != valences.length || emojiKeys.length * 3 != shares.length) {
			throw new IllegalArgumentException("Lexicon keys and values differ in length");
		}
		this.wordKeys = wordKeys.clone();
		this.valences = valences.clone();
		this.emojiKeys = emojiKeys.clone();
		this.shares = shares.clone();
		this.words = new LongIndex(this.wordKeys);
		this.emojis = new LongIndex(this.emojiKeys);
	}

	/** The valence of a word key, 0 if the lexicon does not know it. */
	float valence(long key) {
		int i = words.get(key);
		return i < 0 ? 0 : valences[i];
	}

	/** The negative / neutral / positive shares of an emoji key, null if unknown. */
	float @Nullable [] emoji(long key) {
		int i = emojis.get(key);
		return i < 0 ? null : new float[] { shares[3 * i], shares[3 * i + 1], shares[3 * i + 2] };
	}

	long[] wordKeys() {
		return wordKeys.clone();
	}

	float[] valences() {
		return valences.clone();
	}

	long[] emojiKeys() {
		return emojiKeys.clone();
	}

	float[] shares() {
		return shares.clone();
	}
}
