package org.vigie.trends;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.vigie.shared.ShowId;
import org.vigie.workspace.FirstRunSetup;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;

/**
 * Turns trends into alerts, without crying wolf: a trend alerts once its score reaches its show's
 * threshold; a trend of the same show and kind within the cool-down after an alert only updates
 * the app; an alert that grows is sent again at most once, when it has doubled (never by e-mail:
 * one e-mail per event). In quiet hours the app still shows everything while e-mail and webhook
 * wait: what they would have sent is deferred, and delivered when the quiet hours end, grouped in
 * one message per channel and show. Every alert is written in its recipient's language (French or
 * English). Every delivery, sent, deferred or not, is recorded. Thread-safe.
 */
@Service
public class Alerts {

	private static final Logger log = LoggerFactory.getLogger(Alerts.class);

	/** The outcome of a delivery held back by quiet hours, until {@link #flushDeferred()} sends it. */
	static final String DEFERRED = "deferred";

	private final TrendStore store;

	private final List<AlertChannel> channels;

	private final TrendsSettings settings;

	private final Shows shows;

	private final FirstRunSetup setup;

	private final MessageSource messages;

	private final Clock clock;

	Alerts(TrendStore store, List<AlertChannel> channels, TrendsSettings settings, Shows shows, FirstRunSetup setup,
			MessageSource messages, Clock clock) {
		this.store = store;
		this.channels = channels;
		this.settings = settings;
		this.shows = shows;
		this.setup = setup;
		this.messages = messages;
		this.clock = clock;
	}

	/** The alert rule of a show: the stored one, or the defaults. */
	public AlertRule rule(String show) {
		return store.rule(show).orElseGet(() -> AlertRule.defaults(show, settings.threshold(), settings.cooldown()));
	}

	/** Saves a show's rule. */
	public void save(AlertRule rule) {
		store.saveRule(rule, clock.instant());
	}

	/**
	 * A trend opened at {@code now} (stream time): alerts if it is a show's trend strong enough and
	 * no alert of its kind is cooling down. Trends of a show's queries and accounts are recorded and
	 * shown, not alerted: the show's own series already carries the event, and one event gives one
	 * alert.
	 */
	Trend opened(Trend trend, Instant now) {
		if (trend.show() == null || trend.series().kind() != SeriesKey.Kind.SHOW) {
			return trend;
		}
		AlertRule rule = rule(trend.show());
		if (!rule.enabled() || trend.peakScore() < rule.threshold()) {
			return trend;
		}
		boolean cooling = store.lastAlert(trend.show(), trend.kind())
			.map(last -> last.plus(rule.cooldown()).isAfter(now))
			.orElse(false);
		Trend alerted = withAlert(trend, now);
		store.update(alerted);
		deliver(alerted, rule, cooling ? "grouped" : "opened");
		return alerted;
	}

	/** A trend grew: alerts now if it just crossed the threshold, else updates its alert at most once. */
	Trend updated(Trend trend, Trend before, Instant now) {
		if (trend.show() == null || trend.series().kind() != SeriesKey.Kind.SHOW) {
			return trend;
		}
		if (trend.alertedAt() == null) {
			return opened(trend, now);
		}
		AlertRule rule = rule(trend.show());
		boolean doubled = trend.peakScore() >= 2 * before.peakScore() || trend.magnitude() >= 2 * before.magnitude();
		boolean updatedBefore = store.deliveries(trend.id()).stream().anyMatch(d -> d.contains("/updated/"));
		deliver(trend, rule, doubled && !updatedBefore ? "updated" : "live");
		return trend;
	}

	private void deliver(Trend trend, AlertRule rule, String what) {
		Function<Locale, AlertMessage> message = locale -> message(trend, locale);
		boolean quiet = quietNow(rule);
		for (AlertChannel channel : channels) {
			boolean appOnly = "grouped".equals(what) || "live".equals(what);
			if (appOnly && !"app".equals(channel.name()) || "updated".equals(what) && !channel.sendsUpdates()) {
				continue;
			}
			if (quiet && channel.respectsQuietHours()) {
				store.recordDelivery(trend.id(), channel.name(), what, DEFERRED, null, clock.instant());
				continue;
			}
			try {
				String outcome = channel.deliver(message, rule, what);
				if (!"app".equals(channel.name()) || !"live".equals(what)) {
					store.recordDelivery(trend.id(), channel.name(), what, outcome, null, clock.instant());
				}
			}
			catch (AlertDeliveryException e) {
				log.warn("Alert {} not delivered by {}: {}", trend.id(), channel.name(), e.getMessage());
				store.recordDelivery(trend.id(), channel.name(), what, "failed", e.getMessage(), clock.instant());
			}
		}
	}

	private static Trend withAlert(Trend t, Instant at) {
		return new Trend(t.id(), t.series(), t.show(), t.kind(), t.open(), t.startedAt(), t.updatedAt(), t.endedAt(),
				t.peakScore(), t.observed(), t.expected(), t.inAiring(), t.terms(), t.samples(), at);
	}

	private boolean quietNow(AlertRule rule) {
		return rule.quietAt(LocalTime.ofInstant(clock.instant(), settings.zone()));
	}

	/**
	 * Delivers what quiet hours held back, for every show whose quiet hours are over: one message
	 * per channel and show, listing the deferred trends as they stand now. Runs on the engine's tick.
	 */
	@Scheduled(fixedDelayString = "${vigie.trends.tick:PT15S}", initialDelayString = "${vigie.trends.tick:PT15S}")
	public synchronized void flushDeferred() {
		Map<String, Map<String, List<TrendStore.Deferred>>> byShow = new TreeMap<>();
		for (TrendStore.Deferred d : store.deferred()) {
			byShow.computeIfAbsent(d.show(), k -> new TreeMap<>()).computeIfAbsent(d.channel(), k -> new ArrayList<>()).add(d);
		}
		for (Map.Entry<String, Map<String, List<TrendStore.Deferred>>> show : byShow.entrySet()) {
			AlertRule rule = rule(show.getKey());
			if (quietNow(rule)) {
				continue;
			}
			for (AlertChannel channel : channels) {
				List<TrendStore.Deferred> waiting = show.getValue().getOrDefault(channel.name(), List.of());
				if (waiting.isEmpty()) {
					continue;
				}
				List<Trend> trends = waiting.stream().map(TrendStore.Deferred::trend).distinct()
					.flatMap(id -> store.find(id).stream()).sorted(Comparator.comparing(Trend::startedAt)).toList();
				store.release(waiting.stream().map(TrendStore.Deferred::id).toList());
				if (trends.isEmpty()) {
					continue;
				}
				String outcome;
				String detail = null;
				try {
					outcome = channel.deliver(locale -> digest(trends, locale), rule, "digest");
				}
				catch (AlertDeliveryException e) {
					log.warn("Deferred alerts of {} not delivered by {}: {}", show.getKey(), channel.name(), e.getMessage());
					outcome = "failed";
					detail = e.getMessage();
				}
				for (Trend t : trends) {
					store.recordDelivery(t.id(), channel.name(), "digest", outcome, detail, clock.instant());
				}
			}
		}
	}

	/** The alerts deferred by quiet hours, in one message: the alert itself when there was only one. */
	AlertMessage digest(List<Trend> trends, Locale locale) {
		AlertMessage first = message(trends.get(0), locale);
		if (trends.size() == 1) {
			return first;
		}
		String subject = messages.getMessage("trends.alert.digest.subject",
				new Object[] { first.showName(), trends.size() }, locale);
		StringBuilder body = new StringBuilder(messages.getMessage("trends.alert.digest.intro", null, locale))
			.append("\n");
		for (Trend t : trends) {
			AlertMessage m = message(t, locale);
			body.append("\n— ").append(m.subject()).append('\n').append(m.body()).append('\n');
		}
		return new AlertMessage(first.trend(), first.showName(), subject, body.toString(), first.link(),
				first.inboxLink());
	}

	/** The alert's words in {@code locale} (French or English). */
	AlertMessage message(Trend trend, Locale locale) {
		Show show = trend.show() == null ? null : shows.find(ShowId.of(trend.show())).orElse(null);
		String name = show == null ? "Vigie" : show.name();
		String base = settings.publicUrl().isBlank() ? setup.baseUrl() : settings.publicUrl();
		base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		String link = base + TrendLinks.page(show == null ? null : show.slug(), trend.id());
		String inbox = base + TrendLinks.inbox(show == null ? null : show.slug(), trend);
		String kind = messages.getMessage(trend.kind().messageKey(), null, locale);
		String magnitude = trend.kind() == TrendKind.SENTIMENT
				? String.format(Locale.ROOT, "+%.0f pts", trend.magnitude() * 100)
				: String.format(Locale.ROOT, "×%.1f", trend.magnitude());
		String start = DateTimeFormatter.ofPattern("HH:mm").withZone(settings.zone()).format(trend.startedAt());
		String subject = messages.getMessage("trends.alert.subject", new Object[] { name, kind, magnitude }, locale);
		StringBuilder body = new StringBuilder();
		body.append(messages.getMessage("trends.alert.since", new Object[] { start, magnitude }, locale)).append('\n');
		if (!trend.terms().isEmpty()) {
			body.append(messages.getMessage("trends.alert.terms", new Object[] { String.join(", ", trend.terms()) }, locale))
				.append('\n');
		}
		if (!trend.samples().isEmpty()) {
			Trend.Sample s = trend.samples().get(0);
			body.append("« ").append(s.text()).append(" » — ").append(s.author()).append('\n');
		}
		body.append(link).append('\n');
		body.append(messages.getMessage("trends.alert.inbox", null, locale)).append(' ').append(inbox);
		return new AlertMessage(trend, name, subject, body.toString(), link, inbox);
	}

}
