package org.vigie.trends;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.listen.ListeningQueries;
import org.vigie.listen.ListeningQuery;
import org.vigie.schedule.Airing;
import org.vigie.schedule.Schedules;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;
import org.vigie.shared.UserId;
import org.vigie.workspace.Show;

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

	private final Clock clock;

	private final ListeningQueries queries;

	private final Accounts accounts;

	TrendViews(TrendStore store, TrendEngine engine, Schedules schedules, TrendsSettings settings,
			Clock clock, ListeningQueries queries, Accounts accounts) {
		this.store = store;
		this.engine = engine;
		this.schedules = schedules;
		this.settings = settings;
		this.clock = clock;
		this.queries = queries;
		this.accounts = accounts;
	}

	/**
	 * One series a page may show: {@code key} as {@link SeriesKey} writes it, its kind
	 * ({@code show}, {@code query}, {@code account}, {@code network}) and a label (a query's name, an
	 * account's handle, a network's name; untrusted, escaped when shown).
	 */
	public record SeriesChoice(String key, String kind, String label) {

		/** The message key naming the kind, e.g. {@code trends.series.query}. */
		public String messageKey() {
			return switch (kind) {
				case "query" -> "trends.series.query";
				case "account" -> "trends.series.account";
				case "network" -> "trends.series.network";
				default -> "trends.series.show";
			};
		}
	}

	/**
	 * The series the trends page offers for a show: the show's own, its listening queries, its
	 * accounts, and the network-wide series when {@code networks} is set (for those who see every
	 * show).
	 */
	public List<SeriesChoice> seriesOf(Show show, boolean networks) {
		List<SeriesChoice> choices = new ArrayList<>();
		choices.add(new SeriesChoice(new SeriesKey(SeriesKey.Kind.SHOW, show.id().toString()).toString(), "show",
				show.name()));
		for (ListeningQuery q : queries.all()) {
			if (q.show().equals(show.id())) {
				choices.add(new SeriesChoice(new SeriesKey(SeriesKey.Kind.QUERY, q.id().toString()).toString(), "query",
						q.name()));
			}
		}
		for (SocialAccount a : accounts.all()) {
			if (show.id().equals(a.show())) {
				choices.add(new SeriesChoice(new SeriesKey(SeriesKey.Kind.ACCOUNT, a.id().toString()).toString(),
						"account", a.handle() + " · " + a.network().label()));
			}
		}
		if (networks) {
			for (String key : store.networkSeries(clock.instant().minus(Duration.ofDays(30)))) {
				String name = SeriesKey.parse(key).id();
				String label = Arrays.stream(Network.values()).filter(n -> n.name().equals(name))
					.map(Network::label).findFirst().orElse(name);
				choices.add(new SeriesChoice(key, "network", label));
			}
		}
		return choices;
	}

	/** The trends of one series over {@code [from, to)}, newest first. */
	public List<Trend> trendsOf(String series, Instant from, Instant to) {
		return store.ofSeries(series, from, to, 200);
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
		return timeline(new SeriesKey(SeriesKey.Kind.SHOW, show.toString()).toString(), show, from, to);
	}

	/**
	 * The timeline of any series; the airings shaded are those of {@code show} when the series is
	 * the show's own or one of its queries or accounts, none for a network-wide series.
	 */
	public Map<String, Object> timeline(String series, ShowId show, Instant from, Instant to) {
		SeriesKey key = SeriesKey.parse(series);
		List<TrendStore.Bucket> buckets = store.buckets(series, from, to);
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
		for (Airing a : key.kind() == SeriesKey.Kind.NETWORK ? List.<Airing>of() : schedules.airings(show, from, to)) {
			airings.add(new long[] { a.start().getEpochSecond(), a.end().getEpochSecond() });
		}
		List<Map<String, Object>> events = new ArrayList<>();
		for (Trend t : trendsOf(series, from, to)) {
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
