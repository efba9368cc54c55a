package org.vigie.trends.detect;

import java.util.Arrays;

/**
 * How the volume of past airings of one programme rose above the level before them, bucket by
 * bucket from the airing's start, in log space; and how much airings differ from one another.
 */
final class AiringProfile {

	private final double rate;

	private double[] offsets = new double[0];

	private int[] seen = new int[0];

	private double variance = 0.04;

	private int airings;

	AiringProfile(double learnRate) {
		// Airings are rare: learn faster from each than from an ordinary hour.
		this.rate = Math.min(1.0, learnRate * 3);
	}

	boolean knows(int offset) {
		return offset < seen.length && seen[offset] > 0;
	}

	double at(int offset) {
		return offsets[offset];
	}

	/** Spread between airings of the same programme, in log space. */
	double variance() {
		return variance;
	}

	void record(int offset, double rise) {
		grow(offset + 1);
		offsets[offset] = seen[offset] == 0 ? rise : offsets[offset] + rate * (rise - offsets[offset]);
		seen[offset]++;
	}

	/** Folds one finished airing into this profile. */
	void merge(AiringProfile airing) {
		grow(airing.seen.length);
		double squares = 0;
		int n = 0;
		for (int i = 0; i < airing.seen.length; i++) {
			if (airing.seen[i] == 0) {
				continue;
			}
			if (seen[i] > 0) {
				double d = airing.offsets[i] - offsets[i];
				squares += d * d;
				n++;
				offsets[i] += rate * d;
			}
			else {
				offsets[i] = airing.offsets[i];
			}
			seen[i]++;
		}
		if (n > 0) {
			double spread = squares / n;
			variance = airings == 0 ? spread : variance + rate * (spread - variance);
		}
		airings++;
	}

	private void grow(int size) {
		if (size > seen.length) {
			offsets = Arrays.copyOf(offsets, size);
			seen = Arrays.copyOf(seen, size);
		}
	}
}
