package org.vigie.enrich.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A text reduced for phrase matching: its words in lower case, French accents removed, leetspeak
 * digits read as letters ({@code fr33} → {@code free}), apostrophes and hyphens as word breaks;
 * links, mentions, numbers and emojis left out. {@link Phrases} are looked up in it word by word.
 */
public final class Folded {

	private final String[] words;

	private final boolean questionMark;

	private Folded(String[] words, boolean questionMark) {
		this.words = words;
		this.questionMark = questionMark;
	}

	public static Folded of(List<Token> tokens) {
		List<String> words = new ArrayList<>(tokens.size());
		boolean question = false;
		StringBuilder word = new StringBuilder();
		for (Token token : tokens) {
			if (token.isWordLike()) {
				String text = token.text();
				for (int i = 0; i < text.length(); i++) {
					char c = fold(text.charAt(i));
					if (c == ' ') {
						flush(word, words);
					}
					else {
						word.append(c);
					}
				}
				flush(word, words);
			}
			else if (token.kind() == Token.Kind.PUNCTUATION && token.text().indexOf('?') >= 0) {
				question = true;
			}
		}
		return new Folded(words.toArray(new String[0]), question);
	}

	/** Whether the text holds a question mark. */
	public boolean hasQuestionMark() {
		return questionMark;
	}

	/** How many times phrases of the set occur (overlaps count). */
	public int count(Phrases phrases) {
		int count = 0;
		for (int i = 0; i < words.length; i++) {
			count += phrases.startingAt(words, i);
		}
		return count;
	}

	/** Whether any phrase of the set occurs. */
	public boolean containsAny(Phrases phrases) {
		for (int i = 0; i < words.length; i++) {
			if (phrases.startingAt(words, i) > 0) {
				return true;
			}
		}
		return false;
	}

	/** Whether the text starts with a phrase of the set. */
	public boolean startsWith(Phrases phrases) {
		return words.length > 0 && phrases.startingAt(words, 0) > 0;
	}

	@Override
	public String toString() {
		return String.join(" ", words);
	}

	private static void flush(StringBuilder word, List<String> words) {
		if (word.length() > 0) {
			words.add(word.toString());
			word.setLength(0);
		}
	}

	private static char fold(char c) {
		return switch (c) {
			case 'à', 'â', 'ä', 'á', '4', '@' -> 'a';
			case 'é', 'è', 'ê', 'ë', '3' -> 'e';
			case 'î', 'ï', 'í', '1' -> 'i';
			case 'ô', 'ö', 'ó', '0' -> 'o';
			case 'ù', 'û', 'ü', 'ú' -> 'u';
			case 'ç' -> 'c';
			case '5', '$' -> 's';
			case '\'', '-', '_' -> ' ';
			default -> c;
		};
	}
}
