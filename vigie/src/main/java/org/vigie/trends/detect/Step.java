package org.vigie.trends.detect;

import java.time.Instant;
import java.util.Objects;

/**
 * The verdict of a detector on one bucket.
 *
 * @param bucketStart the bucket judged
 * @param value the observed value (after the unique-author correction, if any)
 * @param expected what the baseline expected for this bucket
 * @param score robust standard deviations above the expected value; negative below it
 * @param signal what this step means for the event being tracked
 * @param inAiring true if the bucket fell in an airing window
 */
public record Step(Instant bucketStart, double value, double expected, double score, Signal signal,
		boolean inAiring) {

	public Step {
		Objects.requireNonNull(bucketStart, "bucketStart");
		Objects.requireNonNull(signal, "signal");
	}

	/** True at the step that raises an alert. */
	public boolean alert() {
		return signal == Signal.OPENED;
	}
}
