package org.vigie.bench.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.bench.trends.NabScorer.Profile;
import org.vigie.bench.trends.NabScorer.Result;
import org.vigie.bench.trends.NabScorer.Window;

/**
 * NAB's scoring on small files computed by hand. A file of 100 five-minute rows has a probation of
 * {@code floor(0.15 × 100) = 15} rows; its one window covers rows 40 to 49 (width 10).
 */
class NabScorerTests {

	private static final LocalDateTime START = LocalDateTime.parse("2015-03-01T00:00:00");

	private static final int ROWS = 100;

	private static final List<LocalDateTime> TIMES = times(ROWS);

	private static final List<Window> WINDOW = List.of(window(40, 49));

	/** {@code σs(−1) = 2/(1 + e^−5) − 1}, what a detection on a window's first row earns before scaling. */
	private static final double SIGMOID_AT_START = 2 / (1 + Math.exp(-5)) - 1;

	private static List<LocalDateTime> times(int rows) {
		List<LocalDateTime> times = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			times.add(START.plusMinutes(5L * i));
		}
		return times;
	}

	private static Window window(int first, int last) {
		return new Window(START.plusMinutes(5L * first), START.plusMinutes(5L * last));
	}

	private static boolean[] detectionsAt(int... rows) {
		boolean[] flags = new boolean[ROWS];
		for (int row : rows) {
			flags[row] = true;
		}
		return flags;
	}

	private static Result score(boolean[] detections, Profile profile) {
		return NabScorer.score(TIMES, detections, WINDOW, profile);
	}

	@Test
	void probationIsFifteenPercentCappedAtSevenHundredFiftyRows() {
		assertThat(NabScorer.probation(100)).isEqualTo(15);
		assertThat(NabScorer.probation(15_902)).isEqualTo(750);
	}

	@Test
	void detectionOnTheWindowsFirstRowEarnsTheWholeTruePositiveWeight() {
		for (Profile profile : Profile.ALL) {
			Result r = score(detectionsAt(40), profile);
			assertThat(r.score()).as(profile.name()).isCloseTo(profile.tpWeight(), within(1e-12));
			assertThat(r.tp()).isEqualTo(1);
			assertThat(r.fp()).isZero();
			assertThat(r.fn()).isZero();
		}
	}

	@Test
	void laterDetectionInTheWindowEarnsLess() {
		// Row 45: position −(49 − 45 + 1)/10 = −0.5; σs(−0.5) = 2/(1 + e^−2.5) − 1 = 0.848284…
		double expected = (2 / (1 + Math.exp(-2.5)) - 1) / SIGMOID_AT_START;
		assertThat(expected).isCloseTo(0.859793, within(1e-6));
		assertThat(score(detectionsAt(45), Profile.STANDARD).score()).isCloseTo(expected, within(1e-12));
		// The window's last row: position −0.1, σs(−0.1) = 2/(1 + e^−0.5) − 1 = 0.244919…
		assertThat(score(detectionsAt(49), Profile.STANDARD).score())
			.isCloseTo((2 / (1 + Math.exp(-0.5)) - 1) / SIGMOID_AT_START, within(1e-12));
	}

	@Test
	void onlyTheFirstDetectionInAWindowCounts() {
		Result r = score(detectionsAt(45, 46, 47, 49), Profile.STANDARD);
		assertThat(r.tp()).isEqualTo(1);
		assertThat(r.fp()).isZero();
		assertThat(r.score()).isCloseTo(score(detectionsAt(45), Profile.STANDARD).score(), within(1e-12));
	}

	@Test
	void falsePositiveBeforeAnyWindowCostsTheWholeFalsePositiveWeight() {
		for (Profile profile : Profile.ALL) {
			Result r = score(detectionsAt(20, 40), profile);
			assertThat(r.score()).as(profile.name()).isCloseTo(profile.tpWeight() - profile.fpWeight(), within(1e-12));
			assertThat(r.fp()).isEqualTo(1);
		}
		assertThat(score(detectionsAt(20, 40), Profile.STANDARD).score()).isCloseTo(0.89, within(1e-12));
		assertThat(score(detectionsAt(20, 40), Profile.LOW_FP).score()).isCloseTo(0.78, within(1e-12));
	}

	@Test
	void falsePositiveLongAfterAWindowCostsTheWholeWeightAndJustAfterItLess() {
		// Row 99: (99 − 49)/(10 − 1) = 5.6 window lengths past the end, beyond 3: σs = −1.
		assertThat(score(detectionsAt(40, 99), Profile.STANDARD).score()).isCloseTo(1 - 0.11, within(1e-12));
		// Row 50, just after the window: 1/9 past the end, σs(1/9) = 2/(1 + e^(5/9)) − 1 = −0.270…
		double justAfter = 2 / (1 + Math.exp(5.0 / 9)) - 1;
		assertThat(justAfter).isCloseTo(-0.2709, within(1e-4));
		Result r = score(detectionsAt(40, 50), Profile.STANDARD);
		assertThat(r.fp()).isEqualTo(1);
		assertThat(r.score()).isCloseTo(1 + 0.11 * justAfter, within(1e-12));
	}

	@Test
	void missedWindowCostsTheFalseNegativeWeight() {
		for (Profile profile : Profile.ALL) {
			Result r = score(detectionsAt(), profile);
			assertThat(r.score()).as(profile.name()).isEqualTo(-profile.fnWeight());
			assertThat(r.fn()).isEqualTo(1);
			assertThat(r.windows()).isEqualTo(1);
		}
		assertThat(score(detectionsAt(), Profile.LOW_FN).score()).isEqualTo(-2.0);
	}

	@Test
	void detectionsInTheProbationPeriodAreIgnored() {
		Result r = score(detectionsAt(0, 10, 14), Profile.STANDARD);
		assertThat(r.fp()).isZero();
		assertThat(r.score()).isEqualTo(-1.0);
		// Row 15 is the first scored row: a false positive there costs its weight.
		assertThat(score(detectionsAt(15), Profile.STANDARD).score()).isCloseTo(-1.11, within(1e-12));
	}

	@Test
	void windowWhollyInTheProbationPeriodIsNotScored() {
		List<Window> windows = List.of(window(2, 8), window(40, 49));
		Result r = NabScorer.score(TIMES, detectionsAt(40), windows, Profile.STANDARD);
		assertThat(r.windows()).isEqualTo(1);
		assertThat(r.fn()).isZero();
		assertThat(r.score()).isCloseTo(1.0, within(1e-12));
	}

	@Test
	void normalisedScoreIsHundredForPerfectAndZeroForTheNullDetector() {
		for (Profile profile : Profile.ALL) {
			double perfect = score(detectionsAt(40), profile).score();
			double none = score(detectionsAt(), profile).score();
			assertThat(NabScorer.normalise(perfect, 1, profile)).as(profile.name()).isCloseTo(100.0, within(1e-9));
			assertThat(NabScorer.normalise(none, 1, profile)).as(profile.name()).isCloseTo(0.0, within(1e-9));
		}
		// Three windows, standard: raw 0 lies halfway between −3 (null) and +3 (perfect).
		assertThat(NabScorer.normalise(0, 3, Profile.STANDARD)).isCloseTo(50.0, within(1e-9));
		// Low FN: null is −2 per window, perfect +1: raw 0 over one window is 2/3 of the way.
		assertThat(NabScorer.normalise(0, 1, Profile.LOW_FN)).isCloseTo(200.0 / 3, within(1e-9));
	}
}
