package org.vigie.archive;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Reduces French and English plurals to the singular on lowercased, accent-folded words:
 * {@code emissions → emission}, {@code chevaux → cheval}, {@code jeux → jeu}, {@code fans → fan}.
 * Deliberately light (no conjugation, no derivation, no gender: « animatrice » does not find
 * « animateur », nor « nouvelle » « nouveau ») so that a word typed in a query means what it
 * says; applied alike to indexed text and query words. Words ending in {@code ss}, {@code us},
 * {@code is} and words of three letters or fewer are left alone.
 */
final class PluralFilter extends TokenFilter {

	private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

	PluralFilter(TokenStream input) {
		super(input);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (!input.incrementToken()) {
			return false;
		}
		term.setLength(stem(term.buffer(), term.length()));
		return true;
	}

	static int stem(char[] s, int len) {
		if (len <= 3 || !Character.isLetter(s[len - 1])) {
			return len;
		}
		char last = s[len - 1];
		char before = s[len - 2];
		if (last == 'x') {
			if (len > 4 && before == 'u' && s[len - 3] == 'a' && s[len - 4] != 'e') {
				// journaux → journal, chevaux → cheval (but bateaux → bateau below)
				s[len - 2] = 'l';
				return len - 1;
			}
			if (before == 'u' && (s[len - 3] == 'e' || s[len - 3] == 'a')) {
				return len - 1;
			}
			return len;
		}
		if (last == 's' && before != 's' && before != 'u' && before != 'i') {
			return len - 1;
		}
		return len;
	}
}
