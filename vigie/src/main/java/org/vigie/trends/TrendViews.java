package org.vigie.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.vigie.schedule.Airing;
import org.vigie.schedule.Schedules;
import org.vigie.shared.ShowId;
import org.vigie.shared.UserId;

/**
 * What the trends page and API read: a show's timeline, its trends and their feedback. Access is
 * checked by the callers (web layer) with the actor's shows.
 */
@Service
public class TrendViews {

	private final TrendStore store;

	private final TrendEngine engine;

	private final Schedules schedules;

	private final TrendsSettings settings;

	private final java.time.Clock clock;

	TrendViews(TrendStore store, TrendEngine engine, Schedules schedules, TrendsSettings settings,
			java.time.Clock clock) {
		this.store = store;
		this.engine = engine;
		this.schedules = schedules;
		this.settings = settings;
		this.clock = clock;
	}

	/** The trends of a show over {@code [from, to)}, newest first. */
	public List<Trend> trends(ShowId show, Instant from, Instant to) {
		return store.ofShow(show.toString(), from, to, 200);
	}

	/**
	 * Trends going on or ended since {@code since}, newest first, of the given shows, and of the
	 * network-wide series when {@code networks} is set (for those who see every show).
	 */
	public List<Trend> since(List<ShowId> shows, boolean networks, Instant since, int limit) {
		return store.since(shows.stream().map(ShowId::toString).toList(), networks, since, limit);
	}

	public java.util.Optional<Trend> trend(String id) {
		return store.find(id);
	}

	/** The terms driving the show's current event, if one is going on. */
	public List<String> emerging(ShowId show) {
		return engine.currentTerms(show.toString());
	}

	/** Keeps a user's verdict on a trend ({@code useful} or {@code noise}), for tuning. */
	public void feedback(String trend, UserId user, String verdict) {
		if (!"useful".equals(verdict) && !"noise".equals(verdict)) {
			throw new IllegalArgumentException("verdict is useful or noise");
		}
		store.feedback(trend, user.toString(), verdict, clock.instant());
	}

	public Map<String, Integer> feedbackCounts(String trend) {
		return store.feedbackCounts(trend);
	}

	/** Who received the alerts of a trend: {@code channel/what/outcome}, in order. */
	public List<String> deliveries(String trend) {
		return store.deliveries(trend);
	}

	/**
	 * The timeline of a show as the chart draws it: bucket starts (epoch seconds), volume, negative
	 * share, unique authors; airings and events as [start, end] pairs (epoch seconds).
	 */
	public Map<String, Object> timeline(ShowId show, Instant from, Instant to) {
		List<TrendStore.Bucket> buckets = store.buckets(new SeriesKey(SeriesKey.Kind.SHOW, show.toString()).toString(),
				from, to);
		List<Long> times = new ArrayList<>();
		List<Integer> volume = new ArrayList<>();
		List<Double> negative = new ArrayList<>();
		List<Long> authors = new ArrayList<>();
		long step = settings.bucket().toSeconds();
		long next = from.getEpochSecond() / step * step;
		for (TrendStore.Bucket b : buckets) {
			// Quiet buckets are not stored: show them as zeros.
			for (; next < b.start().getEpochSecond(); next += step) {
				times.add(next);
				volume.add(0);
				negative.add(null);
				authors.add(0L);
			}
			times.add(b.start().getEpochSecond());
			volume.add(b.items());
			negative.add(b.rated() == 0 ? null : Math.round(1000.0 * b.negative() / b.rated()) / 1000.0);
			authors.add(Math.round(b.authors()));
			next = b.start().getEpochSecond() + step;
		}
		for (; next < Math.min(to.getEpochSecond(), clock.instant().getEpochSecond()); next += step) {
			times.add(next);
			volume.add(0);
			negative.add(null);
			authors.add(0L);
		}
		List<long[]> airings = new ArrayList<>();
		for (Airing a : schedules.airings(show, from, to)) {
			airings.add(new long[] { a.start().getEpochSecond(), a.end().getEpochSecond() });
		}
		List<Map<String, Object>> events = new ArrayList<>();
		for (Trend t : trends(show, from, to)) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("id", t.id());
			e.put("kind", t.kind().name());
			e.put("start", t.startedAt().getEpochSecond());
			e.put("end", (t.endedAt() != null ? t.endedAt() : t.updatedAt()).getEpochSecond());
			events.add(e);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("t", times);
		out.put("volume", volume);
		out.put("negative", negative);
		out.put("authors", authors);
		out.put("airings", airings);
		out.put("events", events);
		return out;
	}
}
