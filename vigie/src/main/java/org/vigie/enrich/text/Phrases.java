package org.vigie.enrich.text;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A set of words and short phrases, written folded (lower case, no accents, one space between
 * words), looked up in a {@link Folded} text word by word rather than by substring search.
 */
public final class Phrases {

	private final Set<String> phrases;

	private final Set<String> firstWords;

	private final int longest;

	private Phrases(Set<String> phrases, Set<String> firstWords, int longest) {
		this.phrases = phrases;
		this.firstWords = firstWords;
		this.longest = longest;
	}

	public static Phrases of(String... phrases) {
		Set<String> set = new HashSet<>();
		Set<String> firstWords = new HashSet<>();
		int longest = 1;
		for (String phrase : phrases) {
			String p = phrase.strip();
			if (p.isEmpty() || !p.equals(p.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("Phrases are folded, lower-case and not blank: '" + phrase + "'");
			}
			set.add(p);
			String[] words = p.split(" ");
			firstWords.add(words[0]);
			longest = Math.max(longest, words.length);
		}
		return new Phrases(Set.copyOf(set), Set.copyOf(firstWords), longest);
	}

	/** How many phrases of the set start at word {@code i}. */
	int startingAt(String[] words, int i) {
		if (!firstWords.contains(words[i])) {
			return 0;
		}
		int found = 0;
		StringBuilder phrase = new StringBuilder();
		for (int k = i; k < words.length && k < i + longest; k++) {
			if (k > i) {
				phrase.append(' ');
			}
			phrase.append(words[k]);
			if (phrases.contains(phrase.toString())) {
				found++;
			}
		}
		return found;
	}
}
