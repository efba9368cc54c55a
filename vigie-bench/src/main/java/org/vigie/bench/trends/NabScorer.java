package org.vigie.bench.trends;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Numenta Anomaly Benchmark's scoring of one file, written from its published description
 * (Lavin &amp; Ahmad 2015, "Evaluating real-time anomaly detection algorithms – the Numenta Anomaly
 * Benchmark"; the NAB wiki and README):
 *
 * <ul>
 * <li>the first {@code min(floor(0.15 × rows), 0.15 × 5000)} rows are probationary: detections
 * there count for nothing;</li>
 * <li>inside a window, only the first detection counts; it earns
 * {@code tpWeight × σs(position) / σs(−1)}, where {@code position} runs from −1 at the window's
 * first row to 0 at its last, and {@code σs(x) = 2·sigmoid(−5x) − 1} (and −1 beyond x = 3);</li>
 * <li>a window with no detection costs {@code −fnWeight}; a window lying wholly in the probationary
 * rows is not scored (neither missed nor counted in the normalisation);</li>
 * <li>a detection outside every window costs {@code fpWeight × σs(d)}, where {@code d} is its
 * distance past the end of the preceding window in window lengths (so a late detection just after
 * a window costs little), or the full {@code −fpWeight} when no window precedes it.</li>
 * </ul>
 */
public final class NabScorer {

	/** A cost profile, as in NAB's {@code config/profiles.json}. */
	public record Profile(String name, double tpWeight, double fnWeight, double fpWeight) {

		public static final Profile STANDARD = new Profile("standard", 1.0, 1.0, 0.11);

		public static final Profile LOW_FP = new Profile("reward_low_FP_rate", 1.0, 1.0, 0.22);

		public static final Profile LOW_FN = new Profile("reward_low_FN_rate", 1.0, 2.0, 0.11);

		public static final List<Profile> ALL = List.of(STANDARD, LOW_FP, LOW_FN);
	}

	/** An anomaly window, both ends included. */
	public record Window(LocalDateTime start, LocalDateTime end) {

		public Window {
			Objects.requireNonNull(start, "start");
			Objects.requireNonNull(end, "end");
		}
	}

	/** The score of one file under one profile, with NAB's counts. */
	public record Result(double score, int tp, int fp, int fn, int windows) {
	}

	private NabScorer() {
	}

	static double scaledSigmoid(double x) {
		if (x > 3.0) {
			return -1.0;
		}
		return 2.0 / (1.0 + Math.exp(5.0 * x)) - 1.0;
	}

	/** Rows NAB leaves unscored at the start of a file of {@code rows} rows. */
	public static int probation(int rows) {
		return (int) Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
	}

	/**
	 * Scores binary detections on one file.
	 * @param timestamps the file's rows, in order
	 * @param detections one flag per row: true where the detector raised an alarm
	 * @param windows the labelled windows, in order
	 */
	public static Result score(List<LocalDateTime> timestamps, boolean[] detections, List<Window> windows,
			Profile profile) {
		int n = timestamps.size();
		if (detections.length != n) {
			throw new IllegalArgumentException("one detection flag per row");
		}
		int[] windowOf = new int[n];
		int[] first = new int[windows.size()];
		int[] last = new int[windows.size()];
		java.util.Arrays.fill(windowOf, -1);
		java.util.Arrays.fill(first, -1);
		for (int i = 0; i < n; i++) {
			LocalDateTime t = timestamps.get(i);
			for (int w = 0; w < windows.size(); w++) {
				Window win = windows.get(w);
				if (!t.isBefore(win.start()) && !t.isAfter(win.end())) {
					windowOf[i] = w;
					if (first[w] < 0) {
						first[w] = i;
					}
					last[w] = i;
				}
			}
		}
		double maxTp = scaledSigmoid(-1.0);
		int probation = probation(n);
		double score = 0;
		int tp = 0;
		int fp = 0;
		boolean[] detected = new boolean[windows.size()];
		int previousWindowEnd = -1;
		int previousWindowWidth = 0;
		for (int i = 0; i < n; i++) {
			int w = windowOf[i];
			if (w >= 0) {
				previousWindowEnd = last[w];
				previousWindowWidth = last[w] - first[w] + 1;
			}
			if (!detections[i] || i < probation) {
				continue;
			}
			if (w >= 0) {
				if (!detected[w]) {
					detected[w] = true;
					tp++;
					double width = last[w] - first[w] + 1;
					double position = -(last[w] - i + 1) / width;
					score += profile.tpWeight() * scaledSigmoid(position) / maxTp;
				}
				continue;
			}
			fp++;
			if (previousWindowEnd < 0) {
				score -= profile.fpWeight();
			}
			else {
				double past = Math.abs(previousWindowEnd - i) / (double) (previousWindowWidth - 1);
				score += profile.fpWeight() * scaledSigmoid(past);
			}
		}
		int fn = 0;
		int scored = 0;
		for (int w = 0; w < windows.size(); w++) {
			// As NAB's sweeper: a window whose every row is probationary is not scored at all.
			if (first[w] < 0 || last[w] < probation) {
				continue;
			}
			scored++;
			if (!detected[w]) {
				fn++;
				score -= profile.fnWeight();
			}
		}
		return new Result(score, tp, fp, fn, scored);
	}

	/** NAB's normalised score: 100 for perfect detection, 0 for a detector that never fires. */
	public static double normalise(double raw, int windows, Profile profile) {
		double perfect = windows * profile.tpWeight();
		double none = -windows * profile.fnWeight();
		return 100 * (raw - none) / (perfect - none);
	}
}
