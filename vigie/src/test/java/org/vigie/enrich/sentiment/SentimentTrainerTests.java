package org.vigie.enrich.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.vigie.enrich.Sentiment;
import org.vigie.enrich.SentimentScore;

class SentimentTrainerTests {

	static SentimentFeatures features = new SentimentFeatures(new SentimentFeatures.Options(true, 3, 4), Lexicon.EMPTY);

	static LibLinearClassificationModel trained;

	static SentimentModel exported;

	@BeforeAll
	static void train() {
		List<SentimentCorpus.Example> examples = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			examples.add(new SentimentCorpus.Example("I love it, great show " + i, Sentiment.POSITIVE));
			examples.add(new SentimentCorpus.Example("I hate it, awful show " + i, Sentiment.NEGATIVE));
			examples.add(new SentimentCorpus.Example("The show airs at nine " + i, Sentiment.NEUTRAL));
		}
		trained = SentimentTrainer.learn(features, examples);
		exported = SentimentTrainer.export(features, trained, "test");
	}

	@Test
	void learnsTheThreeClasses() {
		assertThat(exported.score("great show, love it").sentiment()).isEqualTo(Sentiment.POSITIVE);
		assertThat(exported.score("awful, hate it").sentiment()).isEqualTo(Sentiment.NEGATIVE);
		assertThat(exported.score("it airs at nine").sentiment()).isEqualTo(Sentiment.NEUTRAL);
	}

	@Test
	void exportedWeightsGiveTribuosProbabilities() {
		for (String text : List.of("great show, love it", "awful, hate it", "it airs at nine", "love hate nine")) {
			Map<String, Label> scores = trained.predict(SentimentTrainer.toExample(features, text, Sentiment.NEUTRAL))
				.getOutputScores();
			SentimentScore ours = exported.score(text);
			assertThat(ours.negative()).isCloseTo(scores.get("negative").getScore(), within(1e-4));
			assertThat(ours.neutral()).isCloseTo(scores.get("neutral").getScore(), within(1e-4));
			assertThat(ours.positive()).isCloseTo(scores.get("positive").getScore(), within(1e-4));
		}
	}
}
