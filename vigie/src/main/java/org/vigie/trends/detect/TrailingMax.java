package org.vigie.trends.detect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The largest value seen over a trailing period, in amortised constant time (a monotonic deque).
 * Not thread-safe.
 */
final class TrailingMax {

	private record Entry(Instant at, double value) {
	}

	private final Duration span;

	private final Deque<Entry> entries = new ArrayDeque<>();

	TrailingMax(Duration span) {
		this.span = span;
	}

	/** The largest value added within the span before the last addition; negative infinity if none. */
	double max() {
		return entries.isEmpty() ? Double.NEGATIVE_INFINITY : entries.peekFirst().value();
	}

	void add(Instant at, double value) {
		while (!entries.isEmpty() && entries.peekLast().value() <= value) {
			entries.pollLast();
		}
		entries.addLast(new Entry(at, value));
		Instant oldest = at.minus(span);
		while (entries.peekFirst().at().isBefore(oldest)) {
			entries.pollFirst();
		}
	}
}
