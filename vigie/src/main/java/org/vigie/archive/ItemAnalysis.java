package org.vigie.archive;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeepWordFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * How item text is turned into searchable words, for French and English alike: Unicode word
 * boundaries (emoji are words), French elisions removed (« l'émission », « qu’il »), lowercase,
 * accents folded, plurals reduced ({@link PluralFilter}). {@code raw:} searches a second field kept
 * exactly as written. Keyword fields (hashtags, mentions, authors, language…) are lowercased and
 * folded once, in Java, by {@link #keyword(String)}.
 *
 * <p>Stateless and thread-safe: the analyzers may be shared by all threads.
 */
public final class ItemAnalysis {

	private static final CharArraySet ELISIONS = new CharArraySet(Arrays.asList("l", "m", "t", "qu", "n", "s", "j",
			"d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);

	private static final Analyzer TEXT = new Analyzer() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream stream = new ElisionFilter(source, ELISIONS);
			stream = new LowerCaseFilter(stream);
			stream = new ASCIIFoldingFilter(stream);
			return new TokenStreamComponents(source, new PluralFilter(stream));
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new ASCIIFoldingFilter(new LowerCaseFilter(in));
		}
	};

	/** Longest prefix indexed in {@link ItemFields#TEXT_PREFIX}; longer wildcards fall back to a prefix query. */
	public static final int MAX_PREFIX = 16;

	private static final Analyzer PREFIXES = new Analyzer() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream stream = new ElisionFilter(source, ELISIONS);
			stream = new LowerCaseFilter(stream);
			stream = new ASCIIFoldingFilter(stream);
			return new TokenStreamComponents(source, new EdgeNGramTokenFilter(stream, 2, MAX_PREFIX, false));
		}
	};

	/**
	 * The tokens of {@link ItemFields#TEXT_PREFIX} for {@code text}, keeping only the prefixes in
	 * {@code wanted}: what the listening matcher indexes, since it only looks for its queries'
	 * prefixes. Positions are those of the full field.
	 */
	public static TokenStream prefixes(String text, CharArraySet wanted) {
		Tokenizer source = new StandardTokenizer();
		source.setReader(new StringReader(text));
		TokenStream stream = new ElisionFilter(source, ELISIONS);
		stream = new LowerCaseFilter(stream);
		stream = new ASCIIFoldingFilter(stream);
		return new WantedPrefixes(stream, wanted);
	}

	/**
	 * The prefixes of 2 to {@link #MAX_PREFIX} code points of each word that are in a set, at the
	 * word's position: what an {@link EdgeNGramTokenFilter} followed by a {@link KeepWordFilter}
	 * gives, without making and dropping every other prefix.
	 */
	private static final class WantedPrefixes extends TokenFilter {

		private final CharArraySet wanted;

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		/** The word whose prefixes are being given, and the end (in chars) of each wanted prefix. */
		private char[] word = new char[0];

		private final int[] ends = new int[MAX_PREFIX];

		private int count;

		private int next;

		/** Positions of words that gave no prefix, carried to the next prefix given. */
		private int skipped;

		WantedPrefixes(TokenStream input, CharArraySet wanted) {
			super(input);
			this.wanted = wanted;
		}

		@Override
		public boolean incrementToken() throws IOException {
			while (next >= count) {
				if (!input.incrementToken()) {
					return false;
				}
				skipped += increment.getPositionIncrement();
				char[] buffer = term.buffer();
				int length = term.length();
				count = 0;
				next = 0;
				int end = 0;
				for (int points = 1; points <= MAX_PREFIX && end < length; points++) {
					end += Character.charCount(Character.codePointAt(buffer, end, length));
					if (points >= 2 && wanted.contains(buffer, 0, end)) {
						ends[count++] = end;
					}
				}
				if (count > 0) {
					if (word.length < length) {
						word = new char[length];
					}
					System.arraycopy(buffer, 0, word, 0, length);
				}
			}
			term.copyBuffer(word, 0, ends[next]);
			increment.setPositionIncrement(next == 0 ? skipped : 0);
			if (next == 0) {
				skipped = 0;
			}
			next++;
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			count = 0;
			next = 0;
			skipped = 0;
		}
	}

	private static final Analyzer RAW = new Analyzer() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			return new TokenStreamComponents(source, source);
		}
	};

	private static final Analyzer ITEMS = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
			Map.of(ItemFields.TEXT, TEXT, ItemFields.TEXT_RAW, RAW, ItemFields.TEXT_PREFIX, PREFIXES));

	private ItemAnalysis() {
	}

	/** The analyzer of item documents: {@link ItemFields#TEXT} folded, {@link ItemFields#TEXT_RAW} exact, keywords as is. */
	public static Analyzer analyzer() {
		return ITEMS;
	}

	/** The words of {@code text} as {@link ItemFields#TEXT} indexes them, in order. */
	public static List<String> words(String text) {
		return tokens(TEXT, ItemFields.TEXT, text);
	}

	/** The words of {@code text} as {@link ItemFields#TEXT_RAW} indexes them: case and accents kept. */
	public static List<String> rawWords(String text) {
		return tokens(RAW, ItemFields.TEXT_RAW, text);
	}

	/**
	 * The folded form of a word used as a prefix ({@code émiss} of {@code émiss*}): lowercased and
	 * accent-folded, elision removed, but not reduced to the singular, since it is not a whole word.
	 */
	public static String prefix(String word) {
		String folded = keyword(word);
		int apostrophe = Math.max(folded.indexOf('\''), folded.indexOf('\u2019'));
		if (apostrophe > 0 && ELISIONS.contains(folded.substring(0, apostrophe))) {
			folded = folded.substring(apostrophe + 1);
		}
		return folded;
	}

	/** A keyword as stored: trimmed, lowercased, accents removed; {@code Émission} becomes {@code emission}. */
	public static String keyword(String value) {
		String decomposed = Normalizer.normalize(value.trim(), Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
	}

	private static List<String> tokens(Analyzer analyzer, String field, String text) {
		List<String> out = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				out.add(term.toString());
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}
}
