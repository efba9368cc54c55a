package org.vigie.trends.detect;

/**
 * How surprising a count is, as the tail probability of a negative binomial turned into standard
 * deviations of a normal: the score {@link SpikeDetector} gives a bucket above its expected count when
 * {@link SpikeSettings#countTail()} is on. Counts are discrete and skewed where they are small: 6
 * items where about 0.6 are usual has a probability near 10⁻⁵, which the deviation of
 * {@code log(1 + count)} reads as barely 2 standard deviations. The negative binomial has the
 * expected mean and the spread the detector learnt beyond Poisson noise (variance
 * {@code μ + v μ²}, the count-scale twin of the log-scale variance {@code v + 1/(1 + μ)}).
 */
final class CountTail {

	private static final int MAX_TERMS = 100_000;

	private CountTail() {
	}

	/**
	 * @param count the bucket's count (not necessarily whole, when capped by unique authors), above
	 *        {@code mean}
	 * @param mean the expected count, positive
	 * @param extraVariance the learnt variance beyond Poisson noise on the log scale, positive
	 * @return {@code z} such that a standard normal exceeds it with the mid-p upper tail probability
	 *         of {@code count}: {@code P(X > count) + P(X = count) / 2}
	 */
	static double score(double count, double mean, double extraVariance) {
		double k = 1 / extraVariance;
		double q = mean / (k + mean);
		double logFirst = logGamma(count + k) - logGamma(k) - logGamma(count + 1) + k * Math.log(k / (k + mean))
				+ count * Math.log(q);
		// The terms fall from count on (count lies above the mode): sum them relative to the first.
		double sum = 0.5;
		double term = 1;
		double x = count;
		for (int i = 0; i < MAX_TERMS; i++) {
			double ratio = (x + k) / (x + 1) * q;
			term *= ratio;
			x++;
			sum += term;
			if (ratio < 1 && term < 1e-12 * sum) {
				break;
			}
		}
		return upperZ(logFirst + Math.log(sum));
	}

	/** The z whose standard normal upper tail has the probability {@code exp(logP)}. */
	static double upperZ(double logP) {
		if (logP >= Math.log(0.5)) {
			return -inverseNormal(Math.min(1 - 1e-16, Math.exp(logP)));
		}
		if (logP > -700) {
			return -inverseNormal(Math.exp(logP));
		}
		// Far tail: P(Z > z) ≈ φ(z)/z, solved to first order.
		double a = -2 * logP;
		return Math.sqrt(a - Math.log(a) - Math.log(2 * Math.PI));
	}

	/** The quantile of the standard normal (Acklam's rational approximation, relative error < 1.2e-9). */
	static double inverseNormal(double p) {
		double[] a = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
				-3.066479806614716e+01, 2.506628277459239e+00 };
		double[] b = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
				-1.328068155288572e+01 };
		double[] c = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
				4.374664141464968e+00, 2.938163982698783e+00 };
		double[] d = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
		double low = 0.02425;
		if (p < low) {
			double u = Math.sqrt(-2 * Math.log(p));
			return (((((c[0] * u + c[1]) * u + c[2]) * u + c[3]) * u + c[4]) * u + c[5])
					/ ((((d[0] * u + d[1]) * u + d[2]) * u + d[3]) * u + 1);
		}
		if (p > 1 - low) {
			double u = Math.sqrt(-2 * Math.log(1 - p));
			return -(((((c[0] * u + c[1]) * u + c[2]) * u + c[3]) * u + c[4]) * u + c[5])
					/ ((((d[0] * u + d[1]) * u + d[2]) * u + d[3]) * u + 1);
		}
		double u = p - 0.5;
		double r = u * u;
		return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * u
				/ (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}

	/** {@code log Γ(x)} for {@code x > 0} (Lanczos, g = 7, nine coefficients). */
	static double logGamma(double x) {
		if (x < 0.5) {
			// Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
			return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
		}
		double[] g = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
				-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
				1.5056327351493116e-7 };
		double z = x - 1;
		double sum = g[0];
		for (int i = 1; i < g.length; i++) {
			sum += g[i] / (z + i);
		}
		double t = z + 7.5;
		return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
	}
}
