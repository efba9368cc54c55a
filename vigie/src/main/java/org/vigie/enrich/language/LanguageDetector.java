package org.vigie.enrich.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * Language identification for short social texts, on Apache OpenNLP's published language-detection
 * model ({@code langdetect-183.bin}, 103 languages, from the {@code opennlp-models-langdetect} artifact).
 *
 * <p>The model is OpenNLP's maximum-entropy model over character 1–3-grams. We evaluate it with
 * OpenNLP's own {@link MaxentModel#eval}, but build its context ourselves in one pass instead of
 * through OpenNLP's regex normalisers, which cost ten times the evaluation: URLs and
 * {@code @mentions} are dropped, the {@code #} of hashtags is dropped (the word is kept), digits,
 * punctuation (but the apostrophe) and emojis become spaces, letters are lower-cased, elongations are shrunk to two
 * letters, and the text is cut at {@value #MAX_CHARS} letters.
 *
 * <p>Vigie's users write mostly French and English, so when the model hesitates between its top
 * language and French or English (the latter at least {@value #HOME_RATIO} of the former's
 * probability), French or English wins: this fixes the classic confusions of short French tweets
 * with Catalan, Occitan or Malagasy. A text with fewer than {@value #MIN_LETTERS} letters, or whose
 * best language is neither French nor English and does not stand clearly above the runner-up (its share of the two under
 * {@value #MIN_MARGIN}), is {@code und}. The confidence reported is that share.
 *
 * <p>Immutable and thread-safe; load it once ({@link #load()} takes about a second).
 */
public final class LanguageDetector {

	static final int MAX_CHARS = 64;

	static final int MIN_LETTERS = 4;

	static final double MIN_MARGIN = 0.55;

	static final double HOME_RATIO = 0.5;

	private static final String MODEL = "/langdetect-183.bin";

	private final MaxentModel model;

	private final String[] codes;

	private final int french;

	private final int english;

	LanguageDetector(MaxentModel model) {
		this.model = model;
		this.codes = new String[model.getNumOutcomes()];
		Map<String, String> twoLetter = twoLetterCodes();
		for (int i = 0; i < codes.length; i++) {
			String iso3 = model.getOutcome(i);
			codes[i] = twoLetter.getOrDefault(iso3, iso3);
		}
		this.french = model.getIndex("fra");
		this.english = model.getIndex("eng");
		if (french < 0 || english < 0) {
			throw new IllegalStateException("The language model lacks French or English");
		}
	}

	/**
	 * Loads OpenNLP's model from the classpath.
	 * @throws UncheckedIOException if the model artifact is missing or corrupt
	 */
	public static LanguageDetector load() {
		try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL)) {
			if (in == null) {
				throw new IOException("No " + MODEL + " on the classpath (opennlp-models-langdetect)");
			}
			return new LanguageDetector(new LanguageDetectorModel(in).getMaxentModel());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot load the language model", e);
		}
	}

	/** Guesses the language of {@code text}; never null, {@code und} for blank or unclear text. */
	public LanguageGuess detect(CharSequence text) {
		String letters = normalise(text);
		int count = 0;
		for (int i = 0; i < letters.length(); i++) {
			if (letters.charAt(i) != ' ') {
				count++;
			}
		}
		if (count < MIN_LETTERS) {
			return LanguageGuess.UNSURE;
		}
		double[] probabilities = model.eval(context(letters));
		int best = 0;
		int second = 1;
		for (int i = 1; i < probabilities.length; i++) {
			if (probabilities[i] > probabilities[best]) {
				second = best;
				best = i;
			}
			else if (i != best && probabilities[i] > probabilities[second]) {
				second = i;
			}
		}
		if (best != french && best != english) {
			int home = probabilities[french] >= probabilities[english] ? french : english;
			if (probabilities[home] >= HOME_RATIO * probabilities[best]) {
				return new LanguageGuess(codes[home], margin(probabilities[home], probabilities[best]));
			}
		}
		// The model's probabilities are flat over 103 languages: how far the winner stands from
		// the runner-up says more than its own value.
		double margin = margin(probabilities[best], probabilities[second]);
		if (margin < MIN_MARGIN && best != french && best != english) {
			return LanguageGuess.UNSURE;
		}
		return new LanguageGuess(codes[best], margin);
	}

	private static double margin(double winner, double other) {
		return winner / (winner + other);
	}

	/**
	 * The distinct character 1–3-grams of the normalised text, as OpenNLP's detector feeds them to
	 * its model (each n-gram once, whatever its count).
	 */
	static String[] context(String letters) {
		int n = letters.length();
		// Distinct n-grams found through their characters packed in a long, so that a String is
		// made only for the first occurrence of each.
		long[] seen = new long[Integer.highestOneBit(Math.max(8, 6 * n)) << 1];
		int mask = seen.length - 1;
		String[] grams = new String[Math.max(0, 3 * n)];
		int count = 0;
		for (int length = 1; length <= 3; length++) {
			for (int i = 0; i + length <= n; i++) {
				long key = length;
				for (int k = i; k < i + length; k++) {
					key = key << 16 | letters.charAt(k);
				}
				int slot = (int) (key ^ key >>> 21 ^ key >>> 42) * 0x9E3779B9 >>> 7 & mask;
				while (seen[slot] != 0 && seen[slot] != key) {
					slot = slot + 1 & mask;
				}
				if (seen[slot] == 0) {
					seen[slot] = key;
					grams[count++] = letters.substring(i, i + length);
				}
			}
		}
		return count == grams.length ? grams : Arrays.copyOf(grams, count);
	}

	/** Letters only, lower-cased, one space between words, without URLs, mentions or elongations. */
	static String normalise(CharSequence text) {
		int n = text.length();
		StringBuilder out = new StringBuilder(Math.min(n, MAX_CHARS + 1));
		int i = 0;
		while (i < n && out.length() < MAX_CHARS) {
			char c = text.charAt(i);
			if (c == '@' && i + 1 < n && isHandleChar(text.charAt(i + 1))
					|| (c == 'h' || c == 'H' || c == 'w' || c == 'W') && startsUrl(text, i)) {
				while (i < n && !Character.isWhitespace(text.charAt(i))) {
					i++;
				}
				space(out);
				continue;
			}
			int cp = Character.codePointAt(text, i);
			i += Character.charCount(cp);
			if (Character.isLetter(cp)) {
				int lower = Character.toLowerCase(cp);
				int len = out.length();
				if (len >= 2 && out.charAt(len - 1) == lower && out.charAt(len - 2) == lower) {
					continue;
				}
				out.appendCodePoint(lower);
			}
			else if (Character.isDigit(cp) || Character.isWhitespace(cp) || isSymbol(cp) || cp == '#') {
				space(out);
			}
			else {
				int len = out.length();
				if (len >= 2 && out.charAt(len - 1) == cp && out.charAt(len - 2) == cp) {
					continue;
				}
				out.appendCodePoint(cp == '\u2019' ? '\'' : cp);
			}
		}
		int end = out.length();
		while (end > 0 && out.charAt(end - 1) == ' ') {
			end--;
		}
		return out.substring(0, end);
	}

	private static boolean isSymbol(int cp) {
		int type = Character.getType(cp);
		return type == Character.OTHER_SYMBOL || type == Character.SURROGATE || type == Character.FORMAT
				|| type == Character.NON_SPACING_MARK || type == Character.CONTROL || type == Character.PRIVATE_USE
				|| type == Character.UNASSIGNED;
	}

	private static void space(StringBuilder out) {
		if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
			out.append(' ');
		}
	}

	private static boolean isHandleChar(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	private static boolean startsUrl(CharSequence text, int i) {
		return regionIs(text, i, "http") || regionIs(text, i, "www.");
	}

	private static boolean regionIs(CharSequence text, int i, String word) {
		if (i + word.length() > text.length() || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
			return false;
		}
		for (int k = 0; k < word.length(); k++) {
			if (Character.toLowerCase(text.charAt(i + k)) != word.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static Map<String, String> twoLetterCodes() {
		Map<String, String> codes = new HashMap<>();
		for (String iso2 : Locale.getISOLanguages()) {
			try {
				codes.put(Locale.forLanguageTag(iso2).getISO3Language(), iso2);
			}
			catch (MissingResourceException e) {
				// no three-letter code known to the JDK: the model's code is kept
			}
		}
		// The model names macro-language members; the inbox filters speak of the macro-language.
		codes.put("cmn", "zh");
		codes.put("nan", "zh");
		codes.put("plt", "mg");
		codes.put("pes", "fa");
		codes.put("zsm", "ms");
		codes.put("lvs", "lv");
		codes.put("ekk", "et");
		codes.put("uzn", "uz");
		codes.put("azj", "az");
		codes.put("gug", "gn");
		codes.put("swh", "sw");
		codes.put("khk", "mn");
		codes.put("npi", "ne");
		codes.put("ory", "or");
		codes.put("pnb", "pa");
		codes.put("arz", "ar");
		codes.put("ydd", "yi");
		return codes;
	}
}
