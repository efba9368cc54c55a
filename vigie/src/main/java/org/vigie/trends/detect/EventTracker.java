package org.vigie.trends.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Groups the hot steps of a series into events, so that one event raises one alert that is then
 * updated: a step above the threshold opens an event; while it is open, steps above half the
 * threshold keep it alive without a new alert; it closes once the series has stayed below that for
 * the cool-down. Not thread-safe: one tracker per series.
 */
public final class EventTracker {

	private final double threshold;

	private final Duration cooldown;

	private @Nullable Instant openedAt;

	private @Nullable Instant lastHot;

	private double peak;

	/**
	 * @param threshold the score that opens an event
	 * @param cooldown how long the series must stay calm before the event is over
	 */
	public EventTracker(double threshold, Duration cooldown) {
		this.threshold = threshold;
		this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
	}

	/**
	 * Judges one step.
	 * @param hot true if the step passes every other gate (minimum size, warm-up) besides the score
	 */
	public Signal step(Instant t, double score, boolean hot) {
		if (openedAt == null) {
			if (hot && score >= threshold) {
				openedAt = t;
				lastHot = t;
				peak = score;
				return Signal.OPENED;
			}
			return Signal.QUIET;
		}
		if (score >= threshold / 2) {
			lastHot = t;
			peak = Math.max(peak, score);
			return Signal.CONTINUED;
		}
		if (Duration.between(lastHot, t).compareTo(cooldown) >= 0) {
			openedAt = null;
			lastHot = null;
			peak = 0;
			return Signal.CLOSED;
		}
		return Signal.CONTINUED;
	}

	/** When the open event started; empty when none is open. */
	public Optional<Instant> openedAt() {
		return Optional.ofNullable(openedAt);
	}

	/** The highest score of the open event; 0 when none is open. */
	public double peak() {
		return peak;
	}
}
