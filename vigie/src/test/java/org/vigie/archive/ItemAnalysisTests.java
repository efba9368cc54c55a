package org.vigie.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeepWordFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.junit.jupiter.api.Test;
import org.vigie.SharedData;

class ItemAnalysisTests {

	/**
	 * The wanted prefixes of the matcher are, token for token and position for position, what every
	 * prefix (edge n-grams of 2 to 16 code points) filtered by the wanted set gives, on real posts
	 * with one-letter words, elisions, accents and emoji.
	 */
	@Test
	void wantedPrefixesAreTheEdgeNGramsKeptByTheSet() throws IOException {
		List<String> texts = new ArrayList<>();
		texts.addAll(Files.readAllLines(SharedData.path("umsab-sentiment/french/train_text.txt")).subList(0, 400));
		texts.addAll(Files.readAllLines(SharedData.path("tweeteval-sentiment/train_text.txt")).subList(0, 400));
		texts.add("à l'émission 𝒜𝒷𝒸 a 🔥🔥 I x présentatrice anticonstitutionnellement qu'il");
		List<String> prefixes = List.of("pr", "pres", "presentat", "an", "anticonstitution", "em", "emis", "qu", "il", "th",
				"the", "lov", "love", "jo", "ma", "mac", "macro", "🔥🔥", "𝒜𝒷");
		CharArraySet wanted = new CharArraySet(prefixes, false);
		ItemAnalysis.Prefixes lookedFor = new ItemAnalysis.Prefixes(prefixes);
		for (String text : texts) {
			assertThat(tokens(ItemAnalysis.prefixes(text, lookedFor))).as(text).isEqualTo(tokens(reference(text, wanted)));
		}
	}

	/**
	 * One analysis of the text gives the words of {@link ItemFields#TEXT} (plurals reduced) and, with
	 * each, the wanted prefixes of the word before its plural was reduced, at the word's position:
	 * what the two analyses give apart.
	 */
	@Test
	void oneAnalysisGivesTheWordsAndTheirWantedPrefixes() throws IOException {
		List<String> texts = new ArrayList<>();
		texts.addAll(Files.readAllLines(SharedData.path("umsab-sentiment/french/train_text.txt")).subList(0, 400));
		texts.addAll(Files.readAllLines(SharedData.path("tweeteval-sentiment/train_text.txt")).subList(0, 400));
		texts.add("à l'émission 𝒜𝒷𝒸 a 🔥🔥 I x présentatrices anticonstitutionnellement qu'il journaux chevaux jeux");
		List<String> prefixes = List.of("pr", "pres", "presentat", "presentatrices", "an", "anticonstitution", "em", "emis",
				"emissions", "qu", "il", "th", "the", "lov", "love", "loves", "jo", "journau", "journaux", "chevaux", "ma", "mac",
				"macro", "🔥🔥", "𝒜𝒷");
		CharArraySet wanted = new CharArraySet(prefixes, false);
		ItemAnalysis.Prefixes lookedFor = new ItemAnalysis.Prefixes(prefixes);
		for (String text : texts) {
			List<String> words = new ArrayList<>();
			List<String> wordPrefixes = new ArrayList<>();
			var analysis = ItemAnalysis.textAndPrefixes(text, lookedFor);
			try (TokenStream stream = analysis.stream()) {
				CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
				PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
				int position = -1;
				stream.reset();
				while (stream.incrementToken()) {
					position += increment.getPositionIncrement();
					words.add(term + "+" + increment.getPositionIncrement());
					for (int k = 0; k < analysis.prefixCount(); k++) {
						wordPrefixes.add(analysis.prefix(k).utf8ToString() + "@" + position);
					}
				}
				stream.end();
			}
			assertThat(words).as(text).isEqualTo(tokens(ItemAnalysis.analyzer().tokenStream(ItemFields.TEXT, text)));
			assertThat(wordPrefixes).as(text).isEqualTo(positioned(reference(text, wanted)));
		}
	}

	/** Each token as {@code term@position}. */
	private static List<String> positioned(TokenStream stream) throws IOException {
		List<String> out = new ArrayList<>();
		int position = -1;
		for (String token : tokens(stream)) {
			int plus = token.lastIndexOf('+');
			position += Integer.parseInt(token.substring(plus + 1));
			out.add(token.substring(0, plus) + "@" + position);
		}
		return out;
	}

	private static TokenStream reference(String text, CharArraySet wanted) {
		StandardTokenizer source = new StandardTokenizer();
		source.setReader(new StringReader(text));
		TokenStream stream = new ElisionFilter(source, new CharArraySet(List.of("l", "m", "t", "qu", "n", "s", "j", "d",
				"c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true));
		stream = new ASCIIFoldingFilter(new LowerCaseFilter(stream));
		return new KeepWordFilter(new EdgeNGramTokenFilter(stream, 2, ItemAnalysis.MAX_PREFIX, false), wanted);
	}

	private static List<String> tokens(TokenStream stream) throws IOException {
		List<String> out = new ArrayList<>();
		try (stream) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				out.add(term + "+" + increment.getPositionIncrement());
			}
			stream.end();
		}
		return out;
	}
}
