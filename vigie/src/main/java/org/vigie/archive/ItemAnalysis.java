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
import org.apache.lucene.analysis.CharArrayMap;
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
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

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
	public static TokenStream prefixes(String text, Prefixes wanted) {
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

		private final Prefixes wanted;

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		/** The word whose prefixes are being given, and the end (in chars) of each wanted prefix. */
		private char[] word = new char[0];

		private final int[] ends = new int[MAX_PREFIX];

		private int count;

		private int next;

		/** Positions of words that gave no prefix, carried to the next prefix given. */
		private int skipped;

		WantedPrefixes(TokenStream input, Prefixes wanted) {
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
				count = wantedPrefixes(buffer, length, wanted, ends);
				next = 0;
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

	/**
	 * Where each prefix of 2 to {@link #MAX_PREFIX} code points of a word that is in {@code wanted}
	 * ends, in chars, shortest first, in {@code ends}; how many there are. Stops at the first prefix
	 * that begins no wanted one.
	 */
	private static int wantedPrefixes(char[] word, int length, Prefixes wanted, int[] ends) {
		int count = 0;
		int end = 0;
		for (int points = 1; points <= MAX_PREFIX && end < length; points++) {
			end += Character.charCount(Character.codePointAt(word, end, length));
			Boolean found = wanted.map.get(word, 0, end);
			if (found == null) {
				break;
			}
			if (found && points >= 2) {
				ends[count++] = end;
			}
		}
		return count;
	}

	/**
	 * Prefixes looked for in words, as {@link ItemFields#TEXT_PREFIX} holds them (folded, 2 to
	 * {@link #MAX_PREFIX} code points), knowing also how each begins, so that a word's longer
	 * prefixes are not looked up once one begins none of them.
	 */
	public static final class Prefixes {

		public static final Prefixes NONE = new Prefixes(java.util.List.of());

		/** Each wanted prefix (true) and each beginning of one that is not itself wanted (false). */
		private final CharArrayMap<Boolean> map;

		public Prefixes(java.util.Collection<String> wanted) {
			map = new CharArrayMap<>(wanted.size() * 4, false);
			for (String p : wanted) {
				for (int end = 1; end < p.length(); end++) {
					if (!map.containsKey(p.substring(0, end))) {
						map.put(p.substring(0, end), false);
					}
				}
			}
			for (String p : wanted) {
				map.put(p, true);
			}
		}

		boolean isEmpty() {
			return map.isEmpty();
		}
	}

	private static final ThreadLocal<TextAndPrefixes> TEXT_AND_PREFIXES = ThreadLocal.withInitial(TextAndPrefixes::new);

	/**
	 * {@code text} analysed once for both {@link ItemFields#TEXT} and {@link ItemFields#TEXT_PREFIX}
	 * (the two analyses share everything but their last step): the stream gives the tokens of
	 * {@link ItemFields#TEXT}; with each, {@link TextAndPrefixes#prefixCount()} and
	 * {@link TextAndPrefixes#prefix(int)} give the prefixes of the word in {@code wanted}, as
	 * {@link #prefixes} gives them, at the same position. One per thread, reused: consume the stream
	 * (reset, tokens, end, close) before asking for another.
	 */
	public static TextAndPrefixes textAndPrefixes(String text, Prefixes wanted) {
		TextAndPrefixes analysis = TEXT_AND_PREFIXES.get();
		analysis.start(text, wanted);
		return analysis;
	}

	/** See {@link #textAndPrefixes}. */
	public static final class TextAndPrefixes {

		private final Tokenizer source = new StandardTokenizer();

		private final PrefixTap tap;

		private final TokenStream stream;

		private TextAndPrefixes() {
			TokenStream folded = new ElisionFilter(source, ELISIONS);
			folded = new LowerCaseFilter(folded);
			folded = new ASCIIFoldingFilter(folded);
			tap = new PrefixTap(folded);
			stream = new PluralFilter(tap);
		}

		private void start(String text, Prefixes wanted) {
			source.setReader(new StringReader(text));
			tap.wanted = wanted;
		}

		/** The tokens of {@link ItemFields#TEXT}. */
		public TokenStream stream() {
			return stream;
		}

		/** How many wanted prefixes the current token's word has. */
		public int prefixCount() {
			return tap.count;
		}

		/** The k-th wanted prefix of the current token's word, shortest first, as UTF-8 (valid until the next call). */
		public BytesRef prefix(int k) {
			tap.bytes.copyChars(tap.word, 0, tap.ends[k]);
			return tap.bytes.get();
		}
	}

	/** Notes the wanted prefixes of each word before it is reduced to the singular. */
	private static final class PrefixTap extends TokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

		private Prefixes wanted = Prefixes.NONE;

		private char[] word = new char[16];

		private final int[] ends = new int[MAX_PREFIX];

		private int count;

		private final BytesRefBuilder bytes = new BytesRefBuilder();

		PrefixTap(TokenStream input) {
			super(input);
		}

		@Override
		public boolean incrementToken() throws IOException {
			if (!input.incrementToken()) {
				count = 0;
				return false;
			}
			char[] buffer = term.buffer();
			int length = term.length();
			count = wanted.isEmpty() ? 0 : wantedPrefixes(buffer, length, wanted, ends);
			if (count > 0) {
				if (word.length < length) {
					word = new char[length];
				}
				System.arraycopy(buffer, 0, word, 0, ends[count - 1]);
			}
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			count = 0;
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
