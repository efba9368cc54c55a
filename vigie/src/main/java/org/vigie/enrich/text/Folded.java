package org.vigie.enrich.text;

import java.util.List;
import java.util.Set;

/**
 * A text reduced for phrase matching: lower case, French accents removed, leetspeak digits read as
 * letters inside words ({@code fr33} → {@code free}), links and mentions dropped, every run of
 * other characters one space, and a space at both ends, so that {@code contains(" phrase ")}
 * matches whole words.
 */
public final class Folded {

	private final String text;

	private Folded(String text) {
		this.text = text;
	}

	public static Folded of(List<Token> tokens) {
		StringBuilder out = new StringBuilder(" ");
		for (Token token : tokens) {
			if (token.isWordLike()) {
				fold(token.text(), out);
				out.append(' ');
			}
			else if (token.kind() == Token.Kind.PUNCTUATION && token.text().indexOf('?') >= 0) {
				out.append("? ");
			}
		}
		return new Folded(out.toString());
	}

	/** Whether any phrase (already folded, words separated by one space) occurs as whole words. */
	public boolean containsAny(Set<String> phrases) {
		for (String phrase : phrases) {
			if (contains(phrase)) {
				return true;
			}
		}
		return false;
	}

	/** How many of the phrases occur as whole words. */
	public int count(Set<String> phrases) {
		int count = 0;
		for (String phrase : phrases) {
			if (contains(phrase)) {
				count++;
			}
		}
		return count;
	}

	public boolean contains(String phrase) {
		int at = text.indexOf(phrase);
		while (at >= 0) {
			if (text.charAt(at - 1) == ' ' && at + phrase.length() < text.length() && text.charAt(at + phrase.length()) == ' ') {
				return true;
			}
			at = text.indexOf(phrase, at + 1);
		}
		return false;
	}

	/** The first word, or empty. */
	public String firstWord() {
		int end = text.indexOf(' ', 1);
		return end < 0 ? "" : text.substring(1, end);
	}

	@Override
	public String toString() {
		return text;
	}

	private static void fold(String word, StringBuilder out) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			out.append(switch (c) {
				case 'à', 'â', 'ä', 'á', '4', '@' -> 'a';
				case 'é', 'è', 'ê', 'ë', '3' -> 'e';
				case 'î', 'ï', 'í', '1' -> 'i';
				case 'ô', 'ö', 'ó', '0' -> 'o';
				case 'ù', 'û', 'ü', 'ú' -> 'u';
				case 'ç' -> 'c';
				case '5', '$' -> 's';
				case '\'', '-', '_' -> ' ';
				default -> c;
			});
		}
	}
}
