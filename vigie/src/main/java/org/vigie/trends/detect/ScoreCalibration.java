package org.vigie.trends.detect;

/**
 * Judges a series' scores against the series' own history of scores, as the anomaly likelihood of
 * Numenta's HTM detector does (Ahmad et al. 2017): the mean of the last few scores is compared with
 * the mean and spread of such means over a long trailing window, so that a series whose scores are
 * routinely high (a restless series, a ticker traded by bots) needs a larger deviation than a calm
 * one before it alerts. Negative scores count as 0: only rises matter. Constant memory (the long
 * window) and constant time per bucket. Not thread-safe.
 */
final class ScoreCalibration {

	private final double[] history;

	private final double[] recent;

	private final int minimum;

	private int size;

	private int next;

	private double sum;

	private double sumSquares;

	private int recentSize;

	private int recentNext;

	private double recentSum;

	private int sinceExact;

	/**
	 * @param length buckets in the long window
	 * @param averaging buckets averaged before judging (1 judges each score alone)
	 * @param minimum buckets of history needed before a judgement; until then {@link #add} returns
	 *        {@code NaN} (no opinion)
	 */
	ScoreCalibration(int length, int averaging, int minimum) {
		this.history = new double[Math.max(2, length)];
		this.recent = new double[Math.max(1, averaging)];
		this.minimum = Math.max(2, Math.min(minimum, history.length));
	}

	/**
	 * Adds the score of a bucket.
	 * @return how many standard deviations the mean of the last scores lies above the long-run mean
	 *         of such means, judged before this bucket is learnt; {@code NaN} while the history is
	 *         too short to judge
	 */
	double add(double score) {
		double value = Math.max(0, score);
		if (recentSize == recent.length) {
			recentSum -= recent[recentNext];
		}
		else {
			recentSize++;
		}
		recent[recentNext] = value;
		recentSum += value;
		recentNext = (recentNext + 1) % recent.length;
		double mean = recentSum / recentSize;
		double judged = Double.NaN;
		if (size >= minimum) {
			double longMean = sum / size;
			double variance = Math.max(1e-6, sumSquares / size - longMean * longMean);
			judged = (mean - longMean) / Math.sqrt(variance);
		}
		learn(mean);
		return judged;
	}

	private void learn(double mean) {
		if (size == history.length) {
			double old = history[next];
			sum -= old;
			sumSquares -= old * old;
		}
		else {
			size++;
		}
		history[next] = mean;
		sum += mean;
		sumSquares += mean * mean;
		next = (next + 1) % history.length;
		if (++sinceExact >= history.length) {
			// Running sums drift with rounding: recompute them once per window.
			sinceExact = 0;
			sum = 0;
			sumSquares = 0;
			for (int i = 0; i < size; i++) {
				sum += history[i];
				sumSquares += history[i] * history[i];
			}
		}
	}
}
