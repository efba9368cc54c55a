package org.vigie.enrich.sentiment;

import java.util.List;
import java.util.Set;

import org.vigie.enrich.text.SocialTokenizer;
import org.vigie.enrich.text.Token;

/**
 * Turns a social text into the sparse features of the sentiment model.
 *
 * <ul>
 * <li>words (lower-cased, elongations shrunk, {@code @user}, links and numbers as placeholders), with
 * the words after a negation and up to the next punctuation marked as negated ({@code "pas bien"}
 * → {@code bien_NEG});</li>
 * <li>word bigrams, hashtags, emojis, and punctuation runs ({@code "!!"}, {@code "?!"});</li>
 * <li>optionally character n-grams of each word (with word boundaries);</li>
 * <li>a polarity lexicon (negation flips and damps a word's valence; capitals and elongation
 * intensify it) summed into positive and negative strengths;</li>
 * <li>the Emoji Sentiment Ranking's negative / neutral / positive shares of each emoji, which also
 * join the lexicon strengths (the training tweets hold almost no emojis), and emoticons
 * ({@code :)}) the lexicon knows;</li>
 * <li>flags: exclamation, question, elongation, capitals.</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
final class SentimentFeatures {

	static final int BIAS = 0;

	static final int LEXICON_POSITIVE = 1;

	static final int LEXICON_NEGATIVE = 2;

	static final int LEXICON_LEANS_POSITIVE = 3;

	static final int LEXICON_LEANS_NEGATIVE = 4;

	static final int LEXICON_SILENT = 5;

	static final int EXCLAMATION = 6;

	static final int QUESTION = 7;

	static final int ELONGATION = 8;

	static final int CAPITALS = 9;

	static final int EMOJI_NEGATIVE = 10;

	static final int EMOJI_NEUTRAL = 11;

	static final int EMOJI_POSITIVE = 12;

	/** Scales an emoji's positive-minus-negative share (−1…1) to VADER's valence scale. */
	static final double EMOJI_VALENCE = 4;

	private static final long[] DENSE = new long[13];

	static {
		for (int i = 0; i < DENSE.length; i++) {
			DENSE[i] = FeatureKeys.dense(i);
		}
	}

	private static final Set<String> NEGATORS = Set.of("ne", "n'", "pas", "jamais", "rien", "aucun", "aucune", "ni",
			"sans", "not", "no", "never", "nothing", "nobody", "none", "nor", "cannot", "without", "neither");

	private final Options options;

	private final Lexicon lexicon;

	SentimentFeatures(Options options, Lexicon lexicon) {
		this.options = options;
		this.lexicon = lexicon;
	}

	Options options() {
		return options;
	}

	Lexicon lexicon() {
		return lexicon;
	}

	/** Which feature families are on; stored with the model so that training and use agree. */
	record Options(boolean characters, int minChars, int maxChars) {

		Options {
			if (characters && (minChars < 1 || maxChars < minChars)) {
				throw new IllegalArgumentException("Bad character n-gram range " + minChars + "–" + maxChars);
			}
		}
	}

	void extract(CharSequence text, FeatureSink sink) {
		extract(SocialTokenizer.tokenize(text), sink);
	}

	void extract(List<Token> tokens, FeatureSink sink) {
		boolean negated = false;
		long previous = FeatureKeys.of(FeatureKeys.WORD, "<s>");
		double positive = 0;
		double negative = 0;
		boolean exclamation = false;
		boolean question = false;
		boolean elongation = false;
		boolean capitals = false;
		for (Token token : tokens) {
			switch (token.kind()) {
				case PUNCTUATION -> {
					String run = shrink(token.text());
					exclamation |= run.indexOf('!') >= 0;
					question |= run.indexOf('?') >= 0;
					if (endsClause(run)) {
						negated = false;
					}
					long key = FeatureKeys.of(FeatureKeys.PUNCTUATION, run);
					sink.add(key, 1);
					float emoticon = lexicon.valence(FeatureKeys.of(FeatureKeys.LEXICON, token.text()));
					if (emoticon > 0) {
						positive += emoticon;
					}
					else {
						negative -= emoticon;
					}
					previous = key;
				}
				case EMOJI -> {
					long key = FeatureKeys.of(FeatureKeys.EMOJI, token.text());
					sink.add(key, 1);
					float[] shares = lexicon.emoji(key);
					if (shares != null) {
						sink.add(DENSE[EMOJI_NEGATIVE], shares[0]);
						sink.add(DENSE[EMOJI_NEUTRAL], shares[1]);
						sink.add(DENSE[EMOJI_POSITIVE], shares[2]);
						// The training tweets carry almost no emojis: an emoji's polarity also joins the
						// lexicon strengths, whose weights the words teach, on VADER's scale.
						double v = EMOJI_VALENCE * (shares[2] - shares[0]);
						if (v > 0) {
							positive += v;
						}
						else {
							negative -= v;
						}
					}
					previous = key;
				}
				case URL, MENTION, NUMBER -> {
					long key = FeatureKeys.of(FeatureKeys.WORD, token.text());
					sink.add(key, 1);
					sink.add(FeatureKeys.pair(FeatureKeys.BIGRAM, previous, key), 1);
					previous = key;
				}
				case WORD, HASHTAG -> {
					String word = token.text();
					elongation |= token.elongated();
					capitals |= token.shouted();
					boolean negator = NEGATORS.contains(word) || word.endsWith("n't");
					long key = FeatureKeys.of(FeatureKeys.WORD, word);
					sink.add(negated && !negator ? FeatureKeys.of(FeatureKeys.NEGATED_WORD, word) : key, 1);
					if (token.kind() == Token.Kind.HASHTAG) {
						sink.add(FeatureKeys.of(FeatureKeys.HASHTAG, word), 1);
					}
					sink.add(FeatureKeys.pair(FeatureKeys.BIGRAM, previous, key), 1);
					if (options.characters()) {
						characters(word, sink);
					}
					float valence = lexicon.valence(FeatureKeys.of(FeatureKeys.LEXICON, word));
					if (valence != 0) {
						double v = valence * (negated ? -0.7 : 1) * (token.shouted() ? 1.3 : 1) * (token.elongated() ? 1.3 : 1);
						if (v > 0) {
							positive += v;
						}
						else {
							negative -= v;
						}
					}
					negated |= negator;
					previous = key;
				}
			}
		}
		if (positive > 0) {
			sink.add(DENSE[LEXICON_POSITIVE], Math.log1p(positive));
		}
		if (negative > 0) {
			sink.add(DENSE[LEXICON_NEGATIVE], Math.log1p(negative));
		}
		sink.add(DENSE[positive > negative ? LEXICON_LEANS_POSITIVE : negative > positive ? LEXICON_LEANS_NEGATIVE : LEXICON_SILENT], 1);
		flag(sink, EXCLAMATION, exclamation);
		flag(sink, QUESTION, question);
		flag(sink, ELONGATION, elongation);
		flag(sink, CAPITALS, capitals);
		sink.add(DENSE[BIAS], 1);
	}

	private void characters(String word, FeatureSink sink) {
		String framed = "^" + word + "$";
		for (int length = options.minChars(); length <= options.maxChars(); length++) {
			for (int i = 0; i + length <= framed.length(); i++) {
				sink.add(FeatureKeys.of(FeatureKeys.CHARS, framed, i, i + length), 1);
			}
		}
	}

	private static void flag(FeatureSink sink, int id, boolean on) {
		if (on) {
			sink.add(DENSE[id], 1);
		}
	}

	private static boolean endsClause(String run) {
		for (int i = 0; i < run.length(); i++) {
			if (".,;:!?".indexOf(run.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	/** A punctuation run with repeats cut at two: {@code "!!!!"} → {@code "!!"}. */
	static String shrink(String run) {
		StringBuilder out = new StringBuilder(Math.min(run.length(), 8));
		for (int i = 0; i < run.length() && out.length() < 8; i++) {
			char c = run.charAt(i);
			int len = out.length();
			if (len >= 2 && out.charAt(len - 1) == c && out.charAt(len - 2) == c) {
				continue;
			}
			out.append(c);
		}
		return out.toString();
	}
}
