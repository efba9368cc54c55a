package org.vigie.enrich.sentiment;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.vigie.enrich.Sentiment;
import org.vigie.enrich.SentimentScore;

/**
 * The benchmarks' scores of a classifier on labelled examples: macro-F1 (UMSAB), macro-recall
 * (TweetEval), accuracy; for two-class sets (Allociné) the decision is positive against negative
 * only, neutral left out, as those sets have no neutral class.
 *
 * @param macroF1 mean F1 over the classes present in the gold labels
 * @param macroRecall mean recall over the classes present in the gold labels
 * @param accuracy share of exact answers
 */
public record SentimentMetrics(double macroF1, double macroRecall, double accuracy, int size) {

	/** Scores three-class predictions. */
	public static SentimentMetrics of(List<SentimentCorpus.Example> examples, Function<String, SentimentScore> model) {
		Sentiment[] predicted = new Sentiment[examples.size()];
		for (int i = 0; i < predicted.length; i++) {
			predicted[i] = model.apply(examples.get(i).text()).sentiment();
		}
		return compute(examples, predicted);
	}

	/** Scores a two-class set: positive if the positive probability beats the negative one. */
	public static SentimentMetrics binary(List<SentimentCorpus.Example> examples,
			Function<String, SentimentScore> model) {
		Sentiment[] predicted = new Sentiment[examples.size()];
		for (int i = 0; i < predicted.length; i++) {
			SentimentScore score = model.apply(examples.get(i).text());
			predicted[i] = score.positive() >= score.negative() ? Sentiment.POSITIVE : Sentiment.NEGATIVE;
		}
		return compute(examples, predicted);
	}

	private static SentimentMetrics compute(List<SentimentCorpus.Example> examples, Sentiment[] predicted) {
		double f1 = 0;
		double recall = 0;
		int classes = 0;
		int correct = 0;
		for (Sentiment c : Sentiment.values()) {
			int tp = 0;
			int fp = 0;
			int fn = 0;
			for (int i = 0; i < predicted.length; i++) {
				Sentiment gold = examples.get(i).label();
				if (predicted[i] == c && gold == c) {
					tp++;
				}
				else if (predicted[i] == c) {
					fp++;
				}
				else if (gold == c) {
					fn++;
				}
			}
			if (tp + fn == 0) {
				continue;
			}
			classes++;
			double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
			double r = tp / (double) (tp + fn);
			f1 += p + r == 0 ? 0 : 2 * p * r / (p + r);
			recall += r;
		}
		for (int i = 0; i < predicted.length; i++) {
			if (predicted[i] == examples.get(i).label()) {
				correct++;
			}
		}
		int n = Math.max(1, predicted.length);
		return new SentimentMetrics(f1 / Math.max(1, classes), recall / Math.max(1, classes), correct / (double) n,
				predicted.length);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "macro-F1 %.4f, macro-recall %.4f, accuracy %.4f (n=%d)", macroF1,
				macroRecall, accuracy, size);
	}
}
