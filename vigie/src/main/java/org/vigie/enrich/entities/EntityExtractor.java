package org.vigie.enrich.entities;

import java.util.ArrayList;
import java.util.List;

import com.twitter.twittertext.Extractor;

import org.vigie.enrich.Entities;
import org.vigie.enrich.text.SocialTokenizer;

/**
 * Extracts hashtags, mentions, links and cashtags with twitter-text, the library X publishes so that
 * every client agrees with its servers (its conformance suite runs in our tests), and emojis as
 * whole grapheme clusters (flags, skin tones, keycaps, ZWJ families).
 *
 * <p>Thread-safe: twitter-text's extractor keeps no state between calls once configured.
 */
public final class EntityExtractor {

	private final Extractor extractor = new Extractor();

	/** The entities of {@code text}; {@link Entities#NONE} for blank text. Never null. */
	public Entities extract(String text) {
		if (text.isBlank()) {
			return Entities.NONE;
		}
		List<String> hashtags = new ArrayList<>();
		List<String> mentions = new ArrayList<>();
		List<String> urls = new ArrayList<>();
		List<String> cashtags = new ArrayList<>();
		// twitter-text's patterns (Unicode classes of thousands of ranges) cost microseconds per
		// character. No entity spans whitespace and every one needs a trigger character, so only
		// the whitespace-separated chunks holding one are handed to the extractor. The conformance
		// suite runs through this method too.
		int n = text.length();
		int start = 0;
		if (!mayHoldEntity(text)) {
			return new Entities(hashtags, mentions, urls, cashtags, emojis(text));
		}
		while (start < n) {
			while (start < n && Character.isWhitespace(text.charAt(start))) {
				start++;
			}
			int end = start;
			int triggers = 0;
			while (end < n && !Character.isWhitespace(text.charAt(end))) {
				if (end + 1 < n) {
					triggers |= trigger(text.charAt(end), text.charAt(end + 1));
				}
				end++;
			}
			if (triggers == HASH && plainHashtag(text, start, end, hashtags)) {
				// done without the pattern
			}
			else if (triggers != 0) {
				String chunk = text.substring(start, end);
				// A chunk with only hashtag signs (or only mention signs) can hold nothing else:
				// the one extractor gives what extracting every kind would.
				List<Extractor.Entity> found = triggers == HASH ? extractor.extractHashtagsWithIndices(chunk)
						: triggers == AT ? extractor.extractMentionsOrListsWithIndices(chunk)
								: extractor.extractEntitiesWithIndices(chunk);
				for (Extractor.Entity entity : found) {
					switch (entity.getType()) {
						case HASHTAG -> hashtags.add(entity.getValue());
						case MENTION -> mentions.add(entity.getValue());
						case URL -> urls.add(entity.getValue());
						case CASHTAG -> cashtags.add(entity.getValue());
					}
				}
			}
			start = end;
		}
		return new Entities(hashtags, mentions, urls, cashtags, emojis(text));
	}

	private static boolean mayHoldEntity(String text) {
		return text.indexOf('#') >= 0 || text.indexOf('@') >= 0 || text.indexOf('.') >= 0 || text.indexOf('$') >= 0
				|| text.indexOf('\uFF03') >= 0 || text.indexOf('\uFF20') >= 0 || text.indexOf('\uFF0E') >= 0
				|| text.indexOf('\u3002') >= 0;
	}

	/**
	 * The common case without twitter-text's pattern: a chunk that is {@code #} and ASCII letters,
	 * digits or underscores, then at most some closing punctuation ({@code #DALS}, {@code #Top14!}).
	 * By twitter-text's rules that is a hashtag if it holds a letter, and nothing otherwise (the
	 * conformance suite checks this method too). Returns false, adding nothing, for any other chunk.
	 */
	private static boolean plainHashtag(String text, int start, int end, List<String> hashtags) {
		if (text.charAt(start) != '#') {
			return false;
		}
		int word = start + 1;
		boolean letter = false;
		while (word < end && isAsciiWordChar(text.charAt(word))) {
			letter |= Character.isLetter(text.charAt(word));
			word++;
		}
		if (word == start + 1) {
			return false;
		}
		for (int i = word; i < end; i++) {
			if (".,!?;)\"'".indexOf(text.charAt(i)) < 0) {
				return false;
			}
		}
		if (letter) {
			hashtags.add(text.substring(start + 1, word));
		}
		return true;
	}

	private static boolean isAsciiWordChar(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
	}

	private static final int HASH = 1;

	private static final int AT = 2;

	private static final int OTHER = 4;

	/**
	 * Which entity may start here: a hashtag, mention or cashtag sign followed by a word character,
	 * or a dot followed by one (the dot of a domain; a dot that ends a sentence starts nothing); 0
	 * for none.
	 */
	private static int trigger(char c, char next) {
		int kind = switch (c) {
			case '#', '\uFF03' -> HASH;
			case '@', '\uFF20' -> AT;
			case '$', '.', '\uFF0E', '\u3002' -> OTHER;
			default -> 0;
		};
		if (kind == 0 || !(Character.isLetterOrDigit(next) || next == '_' || Character.isSurrogate(next)
				|| Character.getType(next) == Character.NON_SPACING_MARK)) {
			return 0;
		}
		return kind;
	}

	/**
	 * The emojis of {@code text} in order, each a whole grapheme cluster: a pictograph with its
	 * variation selector, skin tone, keycap or tag sequence, joined ones ({@code 👨‍👩‍👧}), and
	 * flags (two regional indicators).
	 */
	public static List<String> emojis(String text) {
		List<String> emojis = new ArrayList<>();
		int n = text.length();
		int i = 0;
		while (i < n) {
			int cp = text.codePointAt(i);
			int start = i;
			i += Character.charCount(cp);
			if (isRegionalIndicator(cp)) {
				if (i < n && isRegionalIndicator(text.codePointAt(i))) {
					i += 2;
					emojis.add(text.substring(start, i));
				}
				continue;
			}
			boolean keycap = (cp == '#' || cp == '*' || cp >= '0' && cp <= '9') && i < n
					&& (text.charAt(i) == '\u20E3' || text.charAt(i) == '\uFE0F' && i + 1 < n && text.charAt(i + 1) == '\u20E3');
			if (!keycap && !SocialTokenizer.isEmoji(cp)) {
				continue;
			}
			while (i < n) {
				int next = text.codePointAt(i);
				if (next == 0xFE0F || next == 0xFE0E || next == 0x20E3 || next >= 0x1F3FB && next <= 0x1F3FF
						|| next >= 0xE0020 && next <= 0xE007F) {
					i += Character.charCount(next);
				}
				else if (next == 0x200D && i + 1 < n && SocialTokenizer.isEmoji(text.codePointAt(i + 1))) {
					i += 1 + Character.charCount(text.codePointAt(i + 1));
				}
				else {
					break;
				}
			}
			emojis.add(text.substring(start, i));
		}
		return emojis;
	}

	private static boolean isRegionalIndicator(int cp) {
		return cp >= 0x1F1E6 && cp <= 0x1F1FF;
	}
}
