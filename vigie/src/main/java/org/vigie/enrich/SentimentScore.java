package org.vigie.enrich;

import java.util.Objects;

/**
 * The sentiment model's answer for one text.
 *
 * @param sentiment the most likely class
 * @param confidence its probability, between 1/3 and 1
 * @param negative probability of {@link Sentiment#NEGATIVE}
 * @param neutral probability of {@link Sentiment#NEUTRAL}
 * @param positive probability of {@link Sentiment#POSITIVE}
 */
public record SentimentScore(Sentiment sentiment, double confidence, double negative, double neutral,
		double positive) {

	public SentimentScore {
		Objects.requireNonNull(sentiment, "sentiment");
	}

	/** Builds the score from three probabilities (normalised here), choosing the most likely class. */
	public static SentimentScore of(double negative, double neutral, double positive) {
		double sum = negative + neutral + positive;
		if (!(sum > 0)) {
			return new SentimentScore(Sentiment.NEUTRAL, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3);
		}
		double n = negative / sum;
		double u = neutral / sum;
		double p = positive / sum;
		Sentiment best = n > u && n >= p ? Sentiment.NEGATIVE : p > u && p > n ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
		double confidence = best == Sentiment.NEGATIVE ? n : best == Sentiment.POSITIVE ? p : u;
		return new SentimentScore(best, confidence, n, u, p);
	}
}
