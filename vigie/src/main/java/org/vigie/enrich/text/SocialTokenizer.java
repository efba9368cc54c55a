package org.vigie.enrich.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vigie.enrich.text.Token.Kind;

/**
 * Splits social text into words, hashtags, mentions, links, emojis, numbers and punctuation runs,
 * in one pass and without regular expressions (it runs on every ingested item).
 *
 * <p>Words are lower-cased and their elongations shrunk ({@code "sooooo"} → {@code "soo"}). French
 * elisions are split after the apostrophe ({@code "l'eau"} → {@code "l'"}, {@code "eau"}); English
 * contractions stay whole ({@code "don't"}). Links become {@code <url>}, mentions {@code <user>},
 * numbers {@code <num>}. Stateless and thread-safe.
 */
public final class SocialTokenizer {

	private static final List<String> ENGLISH_CLITICS = List.of("t", "s", "re", "ll", "ve", "d", "m");

	private SocialTokenizer() {
	}

	/** The tokens of {@code text}, in order; empty for blank text. */
	public static List<Token> tokenize(CharSequence text) {
		List<Token> tokens = new ArrayList<>();
		int n = text.length();
		int i = 0;
		while (i < n) {
			int cp = Character.codePointAt(text, i);
			int width = Character.charCount(cp);
			if (Character.isWhitespace(cp) || isEmojiModifier(cp)) {
				i += width;
			}
			else if (startsUrl(text, i)) {
				i = skipToSpace(text, i);
				tokens.add(new Token(Kind.URL, "<url>", false, false));
			}
			else if ((cp == '@' || cp == '#' || cp == '＃') && i + 1 < n && isWordChar(Character.codePointAt(text, i + 1))) {
				int end = wordEnd(text, i + 1);
				if (cp == '@') {
					tokens.add(new Token(Kind.MENTION, "<user>", false, false));
				}
				else {
					tokens.add(word(Kind.HASHTAG, text, i + 1, end));
				}
				i = end;
			}
			else if (isEmoji(cp)) {
				tokens.add(new Token(Kind.EMOJI, new String(Character.toChars(cp)), false, false));
				i += width;
			}
			else if (isWordChar(cp)) {
				i = readWord(text, i, tokens);
			}
			else {
				int end = i + width;
				while (end < n) {
					int c = Character.codePointAt(text, end);
					if (Character.isWhitespace(c) || isWordChar(c) || isEmoji(c) || c == '@' || c == '#') {
						break;
					}
					end += Character.charCount(c);
				}
				tokens.add(new Token(Kind.PUNCTUATION, text.subSequence(i, end).toString(), false, false));
				i = end;
			}
		}
		return tokens;
	}

	private static int readWord(CharSequence text, int start, List<Token> tokens) {
		int n = text.length();
		int j = start;
		boolean digits = true;
		while (j < n) {
			int c = Character.codePointAt(text, j);
			if (isWordChar(c)) {
				digits &= Character.isDigit(c);
				j += Character.charCount(c);
			}
			else if (c == '\'' || c == '\u2019') {
				int k = j + 1;
				while (k < n && Character.isLetter(text.charAt(k))) {
					k++;
				}
				if (k > j + 1 && ENGLISH_CLITICS.contains(text.subSequence(j + 1, k).toString().toLowerCase(Locale.ROOT))) {
					j = k;
					continue;
				}
				j++;
				break;
			}
			else if (c == '-' && j + 1 < n && Character.isLetter(text.charAt(j + 1)) && !digits) {
				j++;
			}
			else {
				break;
			}
		}
		tokens.add(digits ? new Token(Kind.NUMBER, "<num>", false, false) : word(Kind.WORD, text, start, j));
		return j;
	}

	private static Token word(Kind kind, CharSequence text, int start, int end) {
		StringBuilder out = new StringBuilder(end - start);
		boolean elongated = false;
		int letters = 0;
		int upper = 0;
		for (int k = start; k < end; k++) {
			char c = text.charAt(k);
			if (Character.isLetter(c)) {
				letters++;
				if (Character.isUpperCase(c)) {
					upper++;
				}
			}
			char lower = c == '\u2019' ? '\'' : Character.toLowerCase(c);
			int len = out.length();
			if (len >= 2 && out.charAt(len - 1) == lower && out.charAt(len - 2) == lower) {
				elongated = true;
				continue;
			}
			out.append(lower);
		}
		return new Token(kind, out.toString(), elongated, letters >= 3 && upper == letters);
	}

	private static int wordEnd(CharSequence text, int i) {
		int n = text.length();
		while (i < n) {
			int c = Character.codePointAt(text, i);
			if (!isWordChar(c)) {
				break;
			}
			i += Character.charCount(c);
		}
		return i;
	}

	private static int skipToSpace(CharSequence text, int i) {
		while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

	/** Whether a link starts at {@code i}: {@code http…} or {@code www.} at a word start. */
	public static boolean startsUrl(CharSequence text, int i) {
		if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
			return false;
		}
		return regionIs(text, i, "http") && (i + 4 == text.length() || ":s \t".indexOf(text.charAt(i + 4)) >= 0)
				|| regionIs(text, i, "www.");
	}

	private static boolean regionIs(CharSequence text, int i, String lowerWord) {
		if (i + lowerWord.length() > text.length()) {
			return false;
		}
		for (int k = 0; k < lowerWord.length(); k++) {
			if (Character.toLowerCase(text.charAt(i + k)) != lowerWord.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	static boolean isWordChar(int cp) {
		return Character.isLetterOrDigit(cp) || cp == '_';
	}

	/** Pictographs, dingbats and symbols people use as emojis (not the modifiers that join them). */
	public static boolean isEmoji(int cp) {
		return cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF) || cp >= 0x2600 && cp <= 0x27BF
				|| cp >= 0x2B00 && cp <= 0x2BFF || cp >= 0x2190 && cp <= 0x21FF || cp >= 0x2300 && cp <= 0x23FF
				|| cp >= 0x25A0 && cp <= 0x25FF || cp == 0x3030 || cp == 0x303D
				|| cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122;
	}

	private static boolean isEmojiModifier(int cp) {
		return cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || cp >= 0x1F3FB && cp <= 0x1F3FF || cp == 0x20E3;
	}
}
