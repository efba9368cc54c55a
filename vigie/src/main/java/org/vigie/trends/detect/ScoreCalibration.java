package org.vigie.trends.detect;

import org.jspecify.annotations.Nullable;

/**
 * Judges a series' scores against the series' own history of scores, as the anomaly likelihood of
 * Numenta's HTM detector does (Ahmad et al. 2017): the mean of the last few scores is compared with
 * the mean and spread of such means over a long trailing window, so that a series whose scores are
 * routinely high (a restless series, a ticker traded by bots) needs a larger deviation than a calm
 * one before it alerts. Negative scores count as 0: only rises matter. The long window is kept as
 * sums over 21 blocks (a day each for a 21-day window), so memory is small and constant whatever its
 * length and the bucket. Not thread-safe.
 */
final class ScoreCalibration {

	/** The long window is kept as this many blocks of sums, so memory does not grow with its length. */
	private static final int BLOCKS = 21;

	private final double[] blockSums = new double[BLOCKS];

	private final double[] blockSquares = new double[BLOCKS];

	private final int[] blockCounts = new int[BLOCKS];

	/** Histogram bins of the quantile mode, geometric in {@code 1 + score} up to a score of 50. */
	static final int BINS = 64;

	private static final double BIN_WIDTH = Math.log(51) / BINS;

	private final double quantile;

	private final short @Nullable [][] blockBins;

	private final int @Nullable [] totalBins;

	private final int blockLength;

	private final double[] recent;

	private final int minimum;

	private int block;

	private double recentSum;

	private int recentSize;

	private int recentNext;

	/**
	 * @param length buckets in the long window (kept in {@value #BLOCKS} blocks: the window judged
	 *        spans between {@code length × 20/21} and {@code length} buckets)
	 * @param averaging buckets averaged before judging (1 judges each score alone)
	 * @param minimum buckets of history needed before a judgement; until then {@link #add} returns
	 *        {@code NaN} (no opinion)
	 */
	ScoreCalibration(int length, int averaging, int minimum) {
		this(length, averaging, minimum, 0);
	}

	/**
	 * @param quantile between 0 and 1 to judge against that quantile of the long window rather than
	 *        against its mean and standard deviation; 0 for the latter
	 */
	ScoreCalibration(int length, int averaging, int minimum, double quantile) {
		this.blockLength = Math.max(1, Math.min(Short.MAX_VALUE, length / BLOCKS));
		this.recent = new double[Math.max(1, averaging)];
		this.minimum = Math.max(2, minimum);
		this.quantile = quantile;
		this.blockBins = quantile > 0 ? new short[BLOCKS][BINS] : null;
		this.totalBins = quantile > 0 ? new int[BINS] : null;
	}

	/**
	 * Whether a score stands out from the series' own: in standard deviations at least
	 * {@code threshold} above the long-run mean or, with a quantile, above that quantile. A series
	 * too young to judge stands out (the other gates judge it alone). The score is then learnt.
	 */
	boolean beyondUsual(double score, double threshold) {
		if (totalBins == null) {
			return !(add(score) < threshold);
		}
		double mean = remember(score);
		int count = 0;
		for (int i = 0; i < BLOCKS; i++) {
			count += blockCounts[i];
		}
		boolean beyond = count < minimum || mean > quantileOf(count);
		learn(mean);
		return beyond;
	}

	/** The quantile of the long window's means, interpolated within its bin. */
	private double quantileOf(int count) {
		double wanted = quantile * count;
		double below = 0;
		for (int b = 0; b < BINS; b++) {
			int here = totalBins[b];
			if (below + here >= wanted && here > 0) {
				double fraction = (wanted - below) / here;
				return Math.expm1((b + fraction) * BIN_WIDTH);
			}
			below += here;
		}
		return Math.expm1(BINS * BIN_WIDTH);
	}

	private static int bin(double mean) {
		return (int) Math.min(BINS - 1, Math.log1p(mean) / BIN_WIDTH);
	}

	private double remember(double score) {
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
		return recentSum / recentSize;
	}

	/**
	 * Adds the score of a bucket.
	 * @return how many standard deviations the mean of the last scores lies above the long-run mean
	 *         of such means, judged before this bucket is learnt; {@code NaN} while the history is
	 *         too short to judge
	 */
	double add(double score) {
		double mean = remember(score);
		double sum = 0;
		double squares = 0;
		int count = 0;
		for (int i = 0; i < BLOCKS; i++) {
			sum += blockSums[i];
			squares += blockSquares[i];
			count += blockCounts[i];
		}
		double judged = Double.NaN;
		if (count >= minimum) {
			double longMean = sum / count;
			double variance = Math.max(1e-6, squares / count - longMean * longMean);
			judged = (mean - longMean) / Math.sqrt(variance);
		}
		learn(mean);
		return judged;
	}

	private void learn(double mean) {
		if (blockCounts[block] == blockLength) {
			// The current block is full: the oldest one makes room for a new one.
			block = (block + 1) % BLOCKS;
			blockSums[block] = 0;
			blockSquares[block] = 0;
			blockCounts[block] = 0;
			if (blockBins != null) {
				for (int b = 0; b < BINS; b++) {
					totalBins[b] -= blockBins[block][b];
					blockBins[block][b] = 0;
				}
			}
		}
		blockSums[block] += mean;
		blockSquares[block] += mean * mean;
		blockCounts[block]++;
		if (blockBins != null) {
			int b = bin(mean);
			blockBins[block][b]++;
			totalBins[b]++;
		}
	}
}
