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
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeepWordFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
		stream = new EdgeNGramTokenFilter(stream, 2, MAX_PREFIX, false);
		return new KeepWordFilter(stream, wanted);
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
