package org.vigie.trends.detect;

/**
 * The mean score and the mean log-count of the last few buckets, for the level-shift test of
 * {@link SpikeDetector}. Constant memory and time per bucket. Not thread-safe.
 */
final class ShortWindow {

	private final double[] scores;

	private final double[] logs;

	private int size;

	private int next;

	private double scoreSum;

	private double logSum;

	ShortWindow(int length) {
		this.scores = new double[Math.max(1, length)];
		this.logs = new double[Math.max(1, length)];
	}

	void add(double score, double log) {
		if (size == scores.length) {
			scoreSum -= scores[next];
			logSum -= logs[next];
		}
		else {
			size++;
		}
		scores[next] = score;
		logs[next] = log;
		scoreSum += score;
		logSum += log;
		next = (next + 1) % scores.length;
	}

	/** True once the window holds as many buckets as it spans. */
	boolean full() {
		return size == scores.length;
	}

	double meanScore() {
		return size == 0 ? 0 : scoreSum / size;
	}

	double meanLog() {
		return size == 0 ? 0 : logSum / size;
	}
}
