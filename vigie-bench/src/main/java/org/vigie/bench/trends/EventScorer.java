package org.vigie.bench.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Event-detection figures for labelled windows: an alert detects a window if it is raised between
 * the window's start and its end plus a grace (tweets trail what happens on screen); the delay is
 * the time from the window's start to the first such alert; an alert that detects no window is a
 * false alarm. Only windows starting, and alerts raised, in the evaluated period count.
 */
final class EventScorer {

	record Result(int windows, int detectedWindows, int events, int detectedEvents, List<Duration> delays,
			int falseAlarms, Duration period) {

		double windowRecall() {
			return windows == 0 ? 0 : (double) detectedWindows / windows;
		}

		double eventRecall() {
			return events == 0 ? 0 : (double) detectedEvents / events;
		}

		double falseAlarmsPerHour() {
			return falseAlarms / (period.toMillis() / 3_600_000.0);
		}

		Duration medianDelay() {
			if (delays.isEmpty()) {
				return Duration.ZERO;
			}
			List<Duration> sorted = delays.stream().sorted().toList();
			int n = sorted.size();
			return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
		}

		String summary() {
			return String.format(Locale.ROOT,
					"window recall %d/%d = %.2f, event recall %d/%d = %.2f, median delay %ds, false alarms %d (%.1f/h)",
					detectedWindows, windows, windowRecall(), detectedEvents, events, eventRecall(),
					medianDelay().toSeconds(), falseAlarms, falseAlarmsPerHour());
		}
	}

	private EventScorer() {
	}

	static Result score(List<Instant> alerts, List<TedCorpus.EventWindow> windows, Instant from, Instant to,
			Duration grace) {
		List<TedCorpus.EventWindow> scored = windows.stream()
			.filter(w -> !w.start().isBefore(from) && w.start().isBefore(to))
			.toList();
		List<Instant> raised = alerts.stream().filter(a -> !a.isBefore(from) && a.isBefore(to)).toList();
		int detected = 0;
		int events = 0;
		int detectedEvents = 0;
		List<Duration> delays = new ArrayList<>();
		for (TedCorpus.EventWindow w : scored) {
			events += w.events();
			Instant end = w.end().plus(grace);
			raised.stream().filter(a -> !a.isBefore(w.start()) && !a.isAfter(end)).findFirst().ifPresent(a -> delays
				.add(Duration.between(w.start(), a)));
		}
		for (TedCorpus.EventWindow w : scored) {
			Instant end = w.end().plus(grace);
			if (raised.stream().anyMatch(a -> !a.isBefore(w.start()) && !a.isAfter(end))) {
				detected++;
				detectedEvents += w.events();
			}
		}
		int falseAlarms = 0;
		for (Instant a : raised) {
			boolean matches = windows.stream()
				.anyMatch(w -> !a.isBefore(w.start()) && !a.isAfter(w.end().plus(grace)));
			falseAlarms += matches ? 0 : 1;
		}
		return new Result(scored.size(), detected, events, detectedEvents, delays, falseAlarms,
				Duration.between(from, to));
	}
}
