package org.vigie.trends.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CountTailTests {

	@Test
	void inverseNormalMatchesTheTable() {
		assertThat(CountTail.inverseNormal(0.975)).isCloseTo(1.959964, within(1e-6));
		assertThat(CountTail.inverseNormal(0.5)).isCloseTo(0, within(1e-9));
		assertThat(CountTail.inverseNormal(1e-10)).isCloseTo(-6.361341, within(1e-5));
	}

	@Test
	void logGammaMatchesFactorials() {
		assertThat(CountTail.logGamma(1)).isCloseTo(0, within(1e-12));
		assertThat(CountTail.logGamma(6)).isCloseTo(Math.log(120), within(1e-12));
		assertThat(CountTail.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
	}

	@Test
	void sixItemsWhereLessThanOneIsUsualAreAboutFourDeviations() {
		// Poisson (no extra spread), mean 0.6: P(X > 6) + P(X = 6) / 2 ≈ 2.1e-5, about 4.1 deviations,
		// where the deviation of log(1 + count) says 1.9.
		double z = CountTail.score(6, 0.6, 1e-6);
		assertThat(z).isCloseTo(4.1, within(0.05));
		assertThat((Math.log(7) - Math.log(1.6)) / Math.sqrt(1 / 1.6)).isLessThan(2);
	}

	@Test
	void extraSpreadMakesTheSameCountLessSurprising() {
		assertThat(CountTail.score(6, 0.6, 0.5)).isLessThan(CountTail.score(6, 0.6, 0.01));
	}

	@Test
	void largeCountsAgreeWithTheNormalApproximation() {
		// Mean 1000, Poisson only: 1100 is about 3.2 standard deviations (100 / sqrt(1000)).
		assertThat(CountTail.score(1100, 1000, 1e-6)).isCloseTo(3.2, within(0.15));
		// Far beyond the double range of probabilities, the score stays finite and grows.
		assertThat(CountTail.score(100_000, 10, 0.01)).isFinite().isGreaterThan(CountTail.score(1000, 10, 0.01));
	}
}
