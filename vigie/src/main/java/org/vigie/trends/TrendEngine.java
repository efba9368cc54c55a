package org.vigie.trends;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.ingest.IncomingItem;
import org.vigie.ingest.ItemsIngested;
import org.vigie.schedule.Schedules;
import org.vigie.shared.Ids;
import org.vigie.shared.ShowId;
import org.vigie.trends.detect.Airing;
import org.vigie.trends.detect.PatternSettings;
import org.vigie.trends.detect.SentimentShift;
import org.vigie.trends.detect.Signal;
import org.vigie.trends.detect.SpikeDetector;
import org.vigie.trends.detect.SpikeSettings;
import org.vigie.trends.detect.Step;
import org.vigie.trends.detect.TermExtractor;
import org.vigie.trends.detect.TermTrends;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Workspaces;

/**
 * Runs the detectors over the stream of ingested items: counts every item into the buckets of its
 * series (its show, each listening query it matched, its account, its network), and when a bucket
 * is over (plus a lateness margin for items that arrive a little late) judges it: volume against
 * the weekly rhythm and past airings, emerging terms, the share of negative items. Open events
 * become {@link Trend}s that are updated while they last and handed to {@link Alerts} once.
 *
 * <p>State lives in memory and is rebuilt at start from the stored buckets of the last
 * {@code vigie.trends.history}. Items written before the application started (the first walk of
 * newly connected accounts, what was said while it was stopped) are not counted where they arrive:
 * for {@code vigie.trends.backlog} after start the engine keeps what it is given, and once a tick
 * passes without older items arriving, replays them all in their own time, bucket by bucket, as if
 * it had been running (the trends found are recorded, not alerted; a later backlog replays again and
 * replaces them). All methods are synchronised: ingestion threads and the scheduler both call in.
 */
@Service
public class TrendEngine {

	private static final Logger log = LoggerFactory.getLogger(TrendEngine.class);

	private static final int MAX_TERMS = 8;

	private static final int MAX_SAMPLES = 5;

	/** At most this many items are kept for a replay (about a hundred megabytes at worst). */
	private static final int MAX_RETAINED = 200_000;

	private final TrendsSettings settings;

	private final TrendStore store;

	private final Accounts accounts;

	private final Alerts alerts;

	private final Schedules schedules;

	private final Shows shows;

	private final Workspaces workspaces;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Map<String, SeriesState> series = new LinkedHashMap<>();

	private final Map<String, Instant> airingsLoaded = new HashMap<>();

	private @Nullable Instant openBucket;

	private @Nullable Instant startedAt;

	/** What arrived since start while the backlog may still come in, replayed in time order. */
	private final ArrayList<IncomingItem> retained = new ArrayList<>();

	private boolean backlogArrived;

	private boolean replayPending;

	private boolean replaying;

	private final List<String> replayedTrends = new ArrayList<>();

	TrendEngine(TrendsSettings settings, TrendStore store, Alerts alerts, Schedules schedules, Shows shows,
			Accounts accounts, Workspaces workspaces, Clock clock, ApplicationEventPublisher events) {
		this.settings = settings;
		this.accounts = accounts;
		this.store = store;
		this.alerts = alerts;
		this.schedules = schedules;
		this.shows = shows;
		this.workspaces = workspaces;
		this.clock = clock;
		this.events = events;
	}

	SpikeSettings spikeSettings() {
		return SpikeSettings.DEFAULTS.withThreshold(settings.threshold()).withCooldown(settings.cooldown())
			.withPattern(settings.patternNovelty() ? PatternSettings.DEFAULTS : PatternSettings.OFF);
	}

	/** Counts newly stored items. Called after the ingestion transaction committed. */
	@TransactionalEventListener(fallbackExecution = true)
	public void on(ItemsIngested event) {
		accept(event.items());
	}

	/** Counts items into the open buckets of their series. */
	public synchronized void accept(List<IncomingItem> items) {
		Instant open = openBucket();
		boolean retaining = startedAt != null && retained.size() < MAX_RETAINED
				&& !clock.instant().isAfter(startedAt.plus(settings.backlog()));
		for (IncomingItem item : items) {
			if (item.fromUs() || item.annotations().spam()) {
				continue;
			}
			if (retaining) {
				retained.add(item);
				if (item.createdAt().isBefore(startedAt)) {
					// Backlog: judged in its own time by the replay, not where it arrived.
					backlogArrived = true;
					continue;
				}
			}
			Instant bucket = floor(item.createdAt());
			if (bucket.isBefore(open)) {
				bucket = open; // late: counted where it arrived
			}
			count(item, bucket);
		}
	}

	private void count(IncomingItem item, Instant bucket) {
		String show = item.show() == null ? null : item.show().toString();
		for (SeriesKey key : keys(item)) {
			SeriesState state = state(key, show);
			state.add(bucket, item.network() + ":" + item.author().externalId(), item.author().label(),
					item.id().toString(), item.text(), item.createdAt(), item.annotations().sentiment(),
					item.annotations().hashtags());
		}
	}

	private static List<SeriesKey> keys(IncomingItem item) {
		List<SeriesKey> keys = new ArrayList<>();
		if (item.show() != null) {
			keys.add(new SeriesKey(SeriesKey.Kind.SHOW, item.show().toString()));
		}
		for (String query : item.annotations().matchedQueries()) {
			keys.add(new SeriesKey(SeriesKey.Kind.QUERY, query));
		}
		if (item.account() != null) {
			keys.add(new SeriesKey(SeriesKey.Kind.ACCOUNT, item.account().toString()));
		}
		keys.add(new SeriesKey(SeriesKey.Kind.NETWORK, item.network().name()));
		return keys;
	}

	/** Judges every bucket that is over at the clock's time. */
	@Scheduled(fixedDelayString = "${vigie.trends.tick:PT15S}", initialDelayString = "${vigie.trends.tick:PT15S}")
	public void tick() {
		tick(clock.instant());
	}

	/** Judges every bucket over at {@code now} (its end plus the lateness margin passed). */
	public synchronized void tick(Instant now) {
		if (backlogArrived) {
			// The backlog is still coming in: wait for a tick without it before replaying.
			backlogArrived = false;
			replayPending = true;
			return;
		}
		if (replayPending) {
			replayPending = false;
			replay(now);
		}
		if (startedAt != null && !retained.isEmpty() && now.isAfter(startedAt.plus(settings.backlog()))) {
			retained.clear();
			retained.trimToSize();
		}
		Instant open = openBucket();
		while (!open.plus(settings.bucket()).plus(settings.lateness()).isAfter(now)) {
			close(open);
			open = open.plus(settings.bucket());
			openBucket = open;
		}
	}

	private Instant openBucket() {
		if (openBucket == null) {
			openBucket = floor(clock.instant());
		}
		return openBucket;
	}

	private Instant floor(Instant t) {
		long size = settings.bucket().toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), size) * size);
	}

	private SeriesState state(SeriesKey key, @Nullable String show) {
		return series.computeIfAbsent(key.toString(), k -> newState(key, show));
	}

	private SeriesState newState(SeriesKey key, @Nullable String itemShow) {
		// A network's series spans every show; the others belong to the show of their items.
		String show = key.kind() == SeriesKey.Kind.NETWORK ? null : itemShow;
		List<Airing> airings = key.kind() == SeriesKey.Kind.SHOW ? airings(key.id()) : List.of();
		SpikeDetector volume = new SpikeDetector(spikeSettings(), settings.bucket(), airings, settings.afterglow(),
				settings.zone());
		double bucketsPerDay = Duration.ofDays(1).toMillis() / (double) settings.bucket().toMillis();
		SentimentShift mood = new SentimentShift(settings.threshold(), 0.15, 20, 6, bucketsPerDay * 2,
				settings.cooldown());
		TermTrends terms = null;
		TermExtractor extractor = null;
		if (key.kind() == SeriesKey.Kind.SHOW || key.kind() == SeriesKey.Kind.QUERY) {
			terms = new TermTrends(new TermTrends.Settings(3, 3.0, 3.0, bucketsPerDay, 50_000));
			extractor = new TermExtractor(names(show));
		}
		return new SeriesState(key, show, volume, mood, terms, extractor);
	}

	private List<String> names(@Nullable String show) {
		if (show == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		try {
			ShowId id = ShowId.of(show);
			shows.find(id).map(Show::name).ifPresent(names::add);
			names.addAll(schedules.titles(id));
			// Fans mention the show's own accounts all the time: that is not what a trend is about.
			for (SocialAccount account : accounts.all()) {
				if (id.equals(account.show())) {
					names.add(TermExtractor.handleName(account.handle()));
				}
			}
		}
		catch (IllegalArgumentException e) {
			log.debug("Unknown show {}", show);
		}
		return names;
	}

	private List<Airing> airings(String show) {
		airingsLoaded.put(show, clock.instant());
		Instant now = clock.instant();
		try {
			return schedules.airings(ShowId.of(show), now.minus(settings.history()), now.plus(Duration.ofDays(30)))
				.stream()
				.map(a -> new Airing(a.start(), a.end(), a.title()))
				.toList();
		}
		catch (IllegalArgumentException e) {
			return List.of();
		}
	}

	private void close(Instant bucket) {
		for (SeriesState state : series.values()) {
			if (state.key.kind() == SeriesKey.Kind.SHOW && clock.instant()
				.isAfter(airingsLoaded.getOrDefault(state.key.id(), Instant.EPOCH).plus(Duration.ofHours(1)))) {
				state.volume.airings(airings(state.key.id()));
			}
			judge(state, bucket, state.take(bucket));
		}
	}

	private void judge(SeriesState state, Instant bucket, SeriesState.Bucket counts) {
		Step step = state.volume.observe(bucket, counts.items, counts.authors.estimate());
		SentimentShift.Verdict mood = state.mood.observe(bucket, counts.negative, counts.rated);
		List<TermTrends.Emerging> emerging = state.terms == null ? List.of() : state.terms.close(bucket);
		if (counts.items > 0 || state.volumeTrend != null) {
			// Quiet buckets are not stored: the warm-up fills the gaps with zeros.
			store.saveBucket(new TrendStore.Bucket(state.key.toString(), bucket, counts.items, counts.authors.estimate(),
					counts.negative, counts.rated, step.expected(), step.score()));
		}
		List<String> driving = driving(emerging, counts);
		state.volumeTrend = follow(state, state.volumeTrend, TrendKind.VOLUME, step.signal(), bucket, step.score(),
				step.value(), step.expected(), step.inAiring(), driving, counts);
		state.moodTrend = follow(state, state.moodTrend, TrendKind.SENTIMENT, mood.signal(), bucket, mood.score(),
				mood.share(), mood.baseline(), step.inAiring(), driving, counts);
		if (state.volumeTrend == null && state.terms != null) {
			// Terms emerging without a volume spike are a trend of their own; during a spike they explain it.
			Signal signal = termSignal(state, bucket, emerging);
			double score = emerging.isEmpty() ? 0 : emerging.get(0).score();
			state.termTrend = follow(state, state.termTrend, TrendKind.TERMS, signal, bucket, score,
					emerging.isEmpty() ? 0 : emerging.get(0).authors(), emerging.isEmpty() ? 0 : emerging.get(0).expected(),
					step.inAiring(), driving, counts);
		}
	}

	private Signal termSignal(SeriesState state, Instant bucket, List<TermTrends.Emerging> emerging) {
		boolean hot = emerging.stream().anyMatch(e -> e.score() >= settings.threshold());
		if (state.termTrend == null) {
			if (hot) {
				state.lastTermsAt = bucket;
				return Signal.OPENED;
			}
			return Signal.QUIET;
		}
		if (!emerging.isEmpty()) {
			state.lastTermsAt = bucket;
			return Signal.CONTINUED;
		}
		return Duration.between(state.lastTermsAt, bucket).compareTo(settings.cooldown()) >= 0 ? Signal.CLOSED
				: Signal.CONTINUED;
	}

	/** The terms that explain a bucket: emerging ones first, else the most used. */
	private static List<String> driving(List<TermTrends.Emerging> emerging, SeriesState.Bucket counts) {
		Set<String> terms = new LinkedHashSet<>();
		emerging.stream().limit(MAX_TERMS).forEach(e -> terms.add(e.term()));
		counts.termCounts.entrySet().stream()
			.filter(e -> e.getValue() >= 2)
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(MAX_TERMS)
			.forEach(e -> terms.add(e.getKey()));
		return terms.stream().limit(MAX_TERMS).toList();
	}

	private @Nullable Trend follow(SeriesState state, @Nullable Trend trend, TrendKind kind, Signal signal,
			Instant bucket, double score, double observed, double expected, boolean inAiring, List<String> terms,
			SeriesState.Bucket counts) {
		// Trends live in the stream's time: the end of the bucket that changed them.
		Instant now = bucket.plus(settings.bucket());
		switch (signal) {
			case OPENED -> {
				if (trend != null) {
					close(trend, bucket);
				}
				Trend opened = new Trend(Ids.next().toString(), state.key, state.show, kind, true, bucket, now, null,
						score, observed, expected, inAiring, terms, samples(counts, terms), null);
				store.insert(opened, workspaces.current().toString());
				if (replaying) {
					// Past events are recorded for the trends page; nobody is paged about them.
					replayedTrends.add(opened.id());
					return opened;
				}
				Trend alerted = alerts.opened(opened, now);
				events.publishEvent(new TrendDetected(alerted, false));
				return alerted;
			}
			case CONTINUED -> {
				if (trend == null) {
					return null;
				}
				if (score <= trend.peakScore() && terms.stream().allMatch(trend.terms()::contains)) {
					return trend;
				}
				boolean higher = score > trend.peakScore();
				List<String> merged = new ArrayList<>(trend.terms());
				terms.stream().filter(t -> !merged.contains(t)).forEach(merged::add);
				Trend grown = new Trend(trend.id(), trend.series(), trend.show(), kind, true, trend.startedAt(), now, null,
						Math.max(score, trend.peakScore()), higher ? observed : trend.observed(),
						higher ? expected : trend.expected(), trend.inAiring(), merged.stream().limit(MAX_TERMS).toList(),
						trend.samples().isEmpty() ? samples(counts, terms) : trend.samples(), trend.alertedAt());
				store.update(grown);
				if (replaying) {
					return grown;
				}
				Trend alerted = alerts.updated(grown, trend, now);
				events.publishEvent(new TrendDetected(alerted, true));
				return alerted;
			}
			case CLOSED -> {
				if (trend != null) {
					close(trend, bucket);
				}
				return null;
			}
			default -> {
				return trend;
			}
		}
	}

	private void close(Trend trend, Instant at) {
		store.update(new Trend(trend.id(), trend.series(), trend.show(), trend.kind(), false, trend.startedAt(),
				at, at, trend.peakScore(), trend.observed(), trend.expected(), trend.inAiring(),
				trend.terms(), trend.samples(), trend.alertedAt()));
	}

	/** Up to five samples, those using the driving terms first. */
	private static List<Trend.Sample> samples(SeriesState.Bucket counts, List<String> terms) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < counts.samples.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingLong(
				(Integer i) -> -counts.sampleTerms.get(i).stream().filter(terms::contains).count()));
		return order.stream().limit(MAX_SAMPLES).map(counts.samples::get).toList();
	}

	/** Warms the detectors with the stored buckets of the last days, without alerting. */
	@EventListener(ApplicationReadyEvent.class)
	public synchronized void warmUp() {
		Instant now = clock.instant();
		startedAt = now;
		int buckets = warm(floor(now.minus(settings.history())), floor(now));
		openBucket = floor(now);
		if (buckets > 0) {
			log.info("Trend detectors warmed up with {} buckets of {} series", buckets, series.size());
		}
	}

	/** Feeds the stored buckets of {@code [from, to)} to fresh detectors; returns how many. */
	private int warm(Instant from, Instant to) {
		int buckets = 0;
		String current = null;
		SeriesState state = null;
		Instant expectedNext = null;
		for (TrendStore.Bucket b : store.history(from, to)) {
			if (!b.series().equals(current)) {
				current = b.series();
				SeriesKey key = SeriesKey.parse(current);
				state = newState(key, key.kind() == SeriesKey.Kind.SHOW ? key.id() : null);
				series.put(current, state);
				expectedNext = b.start();
			}
			// Buckets nobody wrote in were quiet.
			while (expectedNext.isBefore(b.start())) {
				state.volume.observe(expectedNext, 0);
				expectedNext = expectedNext.plus(settings.bucket());
			}
			state.volume.observe(b.start(), b.items(), b.authors());
			state.mood.observe(b.start(), b.negative(), b.rated());
			expectedNext = b.start().plus(settings.bucket());
			buckets++;
		}
		return buckets;
	}

	/**
	 * Judges again, in their own time, every item kept since start: the detectors start afresh from
	 * the stored buckets before the oldest item, then each bucket up to the one now filling is counted
	 * and judged in turn. Trends a previous replay recorded are replaced.
	 */
	private void replay(Instant now) {
		Instant open = openBucket();
		Instant from = floor(now.minus(settings.history()));
		List<IncomingItem> items = retained.stream()
			.filter(i -> !i.createdAt().isBefore(from))
			.sorted(Comparator.comparing(IncomingItem::createdAt))
			.toList();
		if (items.isEmpty()) {
			return;
		}
		long began = System.nanoTime();
		store.delete(replayedTrends);
		replayedTrends.clear();
		series.clear();
		Instant first = floor(items.get(0).createdAt());
		warm(from, first);
		replaying = true;
		int next = 0;
		try {
			for (Instant bucket = first; bucket.isBefore(open); bucket = bucket.plus(settings.bucket())) {
				Instant end = bucket.plus(settings.bucket());
				while (next < items.size() && items.get(next).createdAt().isBefore(end)) {
					count(items.get(next++), bucket);
				}
				close(bucket);
			}
		}
		finally {
			replaying = false;
		}
		for (; next < items.size(); next++) {
			Instant bucket = floor(items.get(next).createdAt());
			count(items.get(next), bucket.isBefore(open) ? open : bucket);
		}
		openBucket = open;
		log.info("Trends: replayed {} items written from {} in their own time ({} trends found) in {} ms", items.size(),
				first, replayedTrends.size(), (System.nanoTime() - began) / 1_000_000);
	}

	/** The start of the bucket now filling (tests replay streams from there). */
	synchronized Instant openBucketStart() {
		return openBucket();
	}

	/** The emerging terms of a show's last judged buckets, strongest first (for the trends page). */
	public synchronized List<String> currentTerms(String show) {
		SeriesState state = series.get(new SeriesKey(SeriesKey.Kind.SHOW, show).toString());
		if (state == null) {
			return List.of();
		}
		Trend t = state.volumeTrend != null ? state.volumeTrend : state.termTrend;
		return t == null ? List.of() : t.terms();
	}
}
