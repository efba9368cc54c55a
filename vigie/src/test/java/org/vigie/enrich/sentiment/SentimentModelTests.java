package org.vigie.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.SharedData;
import org.vigie.enrich.Sentiment;
import org.vigie.enrich.SentimentScore;

/**
 * Floors on the validation splits of the public benchmarks (the test splits are held out). The
 * shipped models measured: UMSAB fr val macro-F1 0.652, UMSAB en val macro-F1 0.717, TweetEval val
 * macro-recall 0.884, Allociné TV-series dev accuracy 0.834 (see docs/enrich.md).
 */
class SentimentModelTests {

	static SentimentModel french;

	static SentimentModel english;

	static SentimentCorpus corpus;

	@BeforeAll
	static void load() {
		french = SentimentModel.forLanguage("fr");
		english = SentimentModel.forLanguage("en");
		corpus = new SentimentCorpus(SharedData.path(""));
	}

	@Test
	void scoresUmsabFrenchValidationAboveFloor() {
		SentimentMetrics m = SentimentMetrics.of(corpus.umsab("french", "val"), french::score);
		System.err.println("UMSAB fr val: " + m);
		assertThat(m.macroF1()).isGreaterThanOrEqualTo(0.62);
	}

	@Test
	void scoresUmsabEnglishValidationAboveFloor() {
		SentimentMetrics m = SentimentMetrics.of(corpus.umsab("english", "val"), english::score);
		System.err.println("UMSAB en val: " + m);
		assertThat(m.macroF1()).isGreaterThanOrEqualTo(0.66);
	}

	@Test
	void scoresTweetEvalValidationAboveFloor() {
		SentimentMetrics m = SentimentMetrics.of(corpus.tweetEval("val"), english::score);
		System.err.println("TweetEval val: " + m);
		assertThat(m.macroRecall()).isGreaterThanOrEqualTo(0.80);
	}

	@Test
	void scoresAllocineTvSeriesDevAboveFloor() {
		SentimentMetrics m = SentimentMetrics.binary(corpus.allocineTvSeries("dev"), french::score);
		System.err.println("Allocine TV-series dev: " + m);
		assertThat(m.accuracy()).isGreaterThanOrEqualTo(0.80);
	}

	@Test
	void readsNegation() {
		assertThat(french.score("j'adore cette émission, vraiment géniale").sentiment()).isEqualTo(Sentiment.POSITIVE);
		assertThat(french.score("je n'aime pas du tout cette émission, nulle").sentiment()).isEqualTo(Sentiment.NEGATIVE);
		assertThat(english.score("this show is not good at all, I hate it").sentiment()).isEqualTo(Sentiment.NEGATIVE);
	}

	@Test
	void readsEmojisAndElongations() {
		assertThat(english.score("tonight's episode 😍😍😍").sentiment()).isEqualTo(Sentiment.POSITIVE);
		assertThat(english.score("sooooo goooood").sentiment()).isEqualTo(Sentiment.POSITIVE);
		assertThat(french.score("franchement 😡😡 honteux").sentiment()).isEqualTo(Sentiment.NEGATIVE);
	}

	@Test
	void givesProbabilitiesThatSumToOne() {
		SentimentScore s = english.score("@user what a game!! http://t.co/x");
		assertThat(s.negative() + s.neutral() + s.positive()).isCloseTo(1.0, Offset.offset(1e-9));
		assertThat(s.confidence()).isBetween(1.0 / 3, 1.0);
	}

	@Test
	void answersBlankText() {
		assertThat(french.score("").sentiment()).isNotNull();
		assertThat(english.score("   ").sentiment()).isNotNull();
	}

	@Test
	void survivesWriteAndRead() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		french.write(bytes);
		SentimentModel copy = SentimentModel.read(new ByteArrayInputStream(bytes.toByteArray()));
		String text = "Quelle soirée incroyable 🎉 merci @TF1 !!!";
		assertThat(copy.score(text)).isEqualTo(french.score(text));
		assertThat(copy.notes()).isEqualTo(french.notes());
	}

	@Test
	void notesSayWhatTrainedTheModel() {
		assertThat(french.notes()).contains("UMSAB French train", "CeCILL", "MIT").doesNotContain("TV-series train");
		assertThat(english.notes()).contains("TweetEval", "VADER");
	}
}
