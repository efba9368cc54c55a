package org.vigie.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.enrich.text.Token.Kind;

class SocialTokenizerTests {

	@Test
	void replacesMentionsLinksAndNumbersWithPlaceholders() {
		assertThat(texts("@user vu à 21h sur http://t.co/abc www.tf1.fr 2026")).containsExactly("<user>", "vu", "à", "21h",
				"sur", "<url>", "<url>", "<num>");
	}

	@Test
	void shrinksElongationsAndRemembersThem() {
		List<Token> tokens = SocialTokenizer.tokenize("Trooooop BIEN");
		assertThat(tokens.get(0).text()).isEqualTo("troop");
		assertThat(tokens.get(0).elongated()).isTrue();
		assertThat(tokens.get(1).shouted()).isTrue();
	}

	@Test
	void splitsFrenchElisionsButKeepsEnglishContractions() {
		assertThat(texts("l'émission n'est pas top")).containsExactly("l'", "émission", "n'", "est", "pas", "top");
		assertThat(texts("I don't like it's end")).containsExactly("i", "don't", "like", "it's", "end");
	}

	@Test
	void keepsHashtagsEmojisAndPunctuation() {
		List<Token> tokens = SocialTokenizer.tokenize("#DALS 😍👏🏽 ?!!");
		assertThat(tokens).extracting(Token::kind)
			.containsExactly(Kind.HASHTAG, Kind.EMOJI, Kind.EMOJI, Kind.PUNCTUATION);
		assertThat(tokens.get(0).text()).isEqualTo("dals");
	}

	@Test
	void handlesEmptyAndBrokenText() {
		assertThat(SocialTokenizer.tokenize("")).isEmpty();
		assertThat(SocialTokenizer.tokenize("\uD800 \uDFFF x")).isNotEmpty();
	}

	private static List<String> texts(String text) {
		return SocialTokenizer.tokenize(text).stream().map(Token::text).toList();
	}
}
