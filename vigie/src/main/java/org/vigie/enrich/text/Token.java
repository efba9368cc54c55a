package org.vigie.enrich.text;

/**
 * One token of a social text.
 *
 * @param kind what it is
 * @param text for words and hashtags the lower-cased form with elongations shrunk to two letters
 *     ({@code "soooo"} → {@code "soo"}); {@code <url>}, {@code <user>} and {@code <num>} for links,
 *     mentions and numbers; the emoji itself; the punctuation run itself
 * @param elongated the word had a letter repeated three times or more
 * @param shouted the word was written in capitals (three letters or more)
 */
public record Token(Kind kind, String text, boolean elongated, boolean shouted) {

	/** What a token is. */
	public enum Kind {
		WORD, HASHTAG, MENTION, URL, EMOJI, PUNCTUATION, NUMBER
	}

	public boolean isWordLike() {
		return kind == Kind.WORD || kind == Kind.HASHTAG;
	}
}
