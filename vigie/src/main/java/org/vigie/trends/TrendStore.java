package org.vigie.trends;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.shared.Ids;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Persistence of series buckets, trends, alert rules, deliveries and feedback. Thread-safe. */
@Repository
class TrendStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Trend.Sample>> SAMPLES = new TypeReference<>() {
	};

	/** One stored bucket of a series. */
	record Bucket(String series, Instant start, int items, double authors, int negative, int rated,
			@Nullable Double expected, @Nullable Double score) {
	}

	private final JdbcClient jdbc;

	TrendStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void saveBucket(Bucket b) {
		jdbc.sql("""
				INSERT INTO trend_buckets (series_key, bucket_start, items, authors, negative, rated, expected, score)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (series_key, bucket_start) DO UPDATE SET items = excluded.items, authors = excluded.authors,
				  negative = excluded.negative, rated = excluded.rated, expected = excluded.expected, score = excluded.score""")
			.params(b.series(), b.start().toEpochMilli(), b.items(), b.authors(), b.negative(), b.rated(), b.expected(),
					b.score())
			.update();
	}

	List<Bucket> buckets(String series, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT series_key, bucket_start, items, authors, negative, rated, expected, score FROM trend_buckets
				WHERE series_key = ? AND bucket_start >= ? AND bucket_start < ? ORDER BY bucket_start""")
			.params(series, from.toEpochMilli(), to.toEpochMilli())
			.query(TrendStore::bucket)
			.list();
	}

	/** The network-wide series that have buckets since {@code from}. */
	List<String> networkSeries(Instant from) {
		return jdbc.sql("SELECT DISTINCT series_key FROM trend_buckets WHERE series_key LIKE 'network:%' AND bucket_start >= ?")
			.param(from.toEpochMilli())
			.query(String.class)
			.list();
	}

	/** Every bucket of {@code [from, to)}, by series then time: what warms the detectors (at start, and before a replay). */
	List<Bucket> history(Instant from, Instant to) {
		return jdbc.sql("""
				SELECT series_key, bucket_start, items, authors, negative, rated, expected, score FROM trend_buckets
				WHERE bucket_start >= ? AND bucket_start < ? ORDER BY series_key, bucket_start""")
			.param(from.toEpochMilli())
			.param(to.toEpochMilli())
			.query(TrendStore::bucket)
			.list();
	}

	private static Bucket bucket(ResultSet rs, int n) throws SQLException {
		return new Bucket(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3), rs.getDouble(4),
				rs.getInt(5), rs.getInt(6), nullableDouble(rs, 7), nullableDouble(rs, 8));
	}

	private static @Nullable Double nullableDouble(ResultSet rs, int column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	void insert(Trend t, String workspace) {
		jdbc.sql("""
				INSERT INTO trends (id, workspace_id, series_key, show_id, kind, status, started_at, updated_at, ended_at,
				  peak_score, observed, expected, in_airing, terms, samples, alerted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(t.id(), workspace, t.series().toString(), t.show(), t.kind().name(), t.open() ? "OPEN" : "CLOSED",
					t.startedAt().toEpochMilli(), t.updatedAt().toEpochMilli(), millis(t.endedAt()), t.peakScore(),
					t.observed(), t.expected(), t.inAiring(), String.join("\n", t.terms()),
					JSON.writeValueAsString(t.samples()), millis(t.alertedAt()))
			.update();
	}

	/** Deletes trends, with their deliveries and feedback (a replay replaces what it found before). */
	void delete(List<String> ids) {
		for (String id : ids) {
			jdbc.sql("DELETE FROM trend_feedback WHERE trend_id = ?").param(id).update();
			jdbc.sql("DELETE FROM alert_deliveries WHERE trend_id = ?").param(id).update();
			jdbc.sql("DELETE FROM trends WHERE id = ?").param(id).update();
		}
	}

	void update(Trend t) {
		jdbc.sql("""
				UPDATE trends SET status = ?, updated_at = ?, ended_at = ?, peak_score = ?, observed = ?, expected = ?,
				  terms = ?, samples = ?, alerted_at = ? WHERE id = ?""")
			.params(t.open() ? "OPEN" : "CLOSED", t.updatedAt().toEpochMilli(), millis(t.endedAt()), t.peakScore(),
					t.observed(), t.expected(), String.join("\n", t.terms()), JSON.writeValueAsString(t.samples()),
					millis(t.alertedAt()), t.id())
			.update();
	}

	private static @Nullable Long millis(@Nullable Instant t) {
		return t == null ? null : t.toEpochMilli();
	}

	private static final String COLUMNS = """
			SELECT id, series_key, show_id, kind, status, started_at, updated_at, ended_at, peak_score, observed,
			  expected, in_airing, terms, samples, alerted_at FROM trends""";

	Optional<Trend> find(String id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(TrendStore::trend).optional();
	}

	/** Trends of a show that overlap {@code [from, to)}, newest first. */
	List<Trend> ofShow(String show, Instant from, Instant to, int limit) {
		return jdbc.sql(COLUMNS + """
				 WHERE show_id = ? AND started_at < ? AND COALESCE(ended_at, updated_at) >= ?
				ORDER BY started_at DESC LIMIT ?""")
			.params(show, to.toEpochMilli(), from.toEpochMilli(), limit)
			.query(TrendStore::trend)
			.list();
	}

	/** The latest trends of the given shows, newest first. */
	List<Trend> recent(List<String> shows, int limit) {
		if (shows.isEmpty()) {
			return List.of();
		}
		String marks = String.join(",", java.util.Collections.nCopies(shows.size(), "?"));
		return jdbc.sql(COLUMNS + " WHERE show_id IN (" + marks + ") ORDER BY started_at DESC LIMIT " + limit)
			.params(shows.toArray())
			.query(TrendStore::trend)
			.list();
	}

	/**
	 * Trends going on or ended since {@code since}, newest first: those of the given shows, and
	 * those without a show (network-wide series) when {@code withoutShow} is set.
	 */
	List<Trend> since(List<String> shows, boolean withoutShow, Instant since, int limit) {
		if (shows.isEmpty() && !withoutShow) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(shows);
		String which = shows.isEmpty() ? "1 = 0"
				: "show_id IN (" + String.join(",", java.util.Collections.nCopies(shows.size(), "?")) + ")";
		if (withoutShow) {
			which = "(" + which + " OR show_id IS NULL)";
		}
		params.add(since.toEpochMilli());
		params.add(limit);
		return jdbc.sql(COLUMNS + " WHERE " + which + " AND COALESCE(ended_at, updated_at) >= ? ORDER BY started_at DESC LIMIT ?")
			.params(params.toArray())
			.query(TrendStore::trend)
			.list();
	}

	/** Trends of one series overlapping {@code [from, to)}, newest first. */
	List<Trend> ofSeries(String series, Instant from, Instant to, int limit) {
		return jdbc.sql(COLUMNS + """
				 WHERE series_key = ? AND started_at < ? AND COALESCE(ended_at, updated_at) >= ?
				ORDER BY started_at DESC LIMIT ?""")
			.params(series, to.toEpochMilli(), from.toEpochMilli(), limit)
			.query(TrendStore::trend)
			.list();
	}

	/** When the last alert of this show and kind went out, if any. */
	Optional<Instant> lastAlert(String show, TrendKind kind) {
		return jdbc.sql("SELECT MAX(alerted_at) FROM trends WHERE show_id = ? AND kind = ?")
			.params(show, kind.name())
			.query((rs, n) -> rs.getObject(1) == null ? null : Instant.ofEpochMilli(rs.getLong(1)))
			.optional();
	}

	private static Trend trend(ResultSet rs, int n) throws SQLException {
		String terms = rs.getString(13);
		String samples = rs.getString(14);
		return new Trend(rs.getString(1), SeriesKey.parse(rs.getString(2)), rs.getString(3),
				TrendKind.valueOf(rs.getString(4)), "OPEN".equals(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6)),
				Instant.ofEpochMilli(rs.getLong(7)), rs.getObject(8) == null ? null : Instant.ofEpochMilli(rs.getLong(8)),
				rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), rs.getBoolean(12),
				terms == null || terms.isEmpty() ? List.of() : Arrays.asList(terms.split("\n")),
				samples == null || samples.isEmpty() ? List.of() : JSON.readValue(samples, SAMPLES),
				rs.getObject(15) == null ? null : Instant.ofEpochMilli(rs.getLong(15)));
	}

	Optional<AlertRule> rule(String show) {
		return jdbc.sql("""
				SELECT show_id, enabled, threshold, cooldown_minutes, quiet_start, quiet_end, emails, webhook_url,
				  webhook_lang FROM alert_rules WHERE show_id = ?""")
			.param(show)
			.query((rs, n) -> new AlertRule(rs.getString(1), rs.getBoolean(2), rs.getDouble(3),
					Duration.ofMinutes(rs.getInt(4)), time(rs.getString(5)), time(rs.getString(6)),
					rs.getString(7) == null || rs.getString(7).isBlank() ? List.of()
							: Arrays.asList(rs.getString(7).split(",")),
					rs.getString(8), rs.getString(9) == null ? "fr" : rs.getString(9)))
			.optional();
	}

	private static @Nullable LocalTime time(@Nullable String s) {
		return s == null || s.isBlank() ? null : LocalTime.parse(s);
	}

	void saveRule(AlertRule r, Instant now) {
		jdbc.sql("""
				INSERT INTO alert_rules (show_id, enabled, threshold, cooldown_minutes, quiet_start, quiet_end, emails,
				  webhook_url, webhook_lang, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (show_id) DO UPDATE SET enabled = excluded.enabled, threshold = excluded.threshold,
				  cooldown_minutes = excluded.cooldown_minutes, quiet_start = excluded.quiet_start,
				  quiet_end = excluded.quiet_end, emails = excluded.emails, webhook_url = excluded.webhook_url,
				  webhook_lang = excluded.webhook_lang, updated_at = excluded.updated_at""")
			.params(r.show(), r.enabled(), r.threshold(), (int) r.cooldown().toMinutes(),
					r.quietStart() == null ? null : r.quietStart().toString(),
					r.quietEnd() == null ? null : r.quietEnd().toString(), String.join(",", r.emails()), r.webhookUrl(),
					r.webhookLanguage(), now.toEpochMilli())
			.update();
	}

	void recordDelivery(String trend, String channel, String what, String outcome, @Nullable String detail, Instant at) {
		jdbc.sql("INSERT INTO alert_deliveries (id, trend_id, channel, what, at, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(Ids.next().toString(), trend, channel, what, at.toEpochMilli(), outcome,
					detail == null ? null : detail.length() > 990 ? detail.substring(0, 990) : detail)
			.update();
	}

	/** A delivery held back by quiet hours: its row, trend, channel and the trend's show. */
	record Deferred(String id, String trend, String channel, String show) {
	}

	/** Every delivery still held back by quiet hours, oldest first. */
	List<Deferred> deferred() {
		return jdbc.sql("""
				SELECT d.id, d.trend_id, d.channel, t.show_id FROM alert_deliveries d JOIN trends t ON t.id = d.trend_id
				WHERE d.outcome = ? AND t.show_id IS NOT NULL ORDER BY d.at, d.id""")
			.param(Alerts.DEFERRED)
			.query((rs, n) -> new Deferred(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** Marks deferred deliveries as handed on (the digest that carried them is recorded apart). */
	void release(List<String> ids) {
		for (String id : ids) {
			jdbc.sql("UPDATE alert_deliveries SET outcome = 'released' WHERE id = ? AND outcome = ?")
				.params(id, Alerts.DEFERRED)
				.update();
		}
	}

	/** Deliveries of a trend as {@code channel/what/outcome}, in order. */
	List<String> deliveries(String trend) {
		return jdbc.sql("SELECT channel, what, outcome FROM alert_deliveries WHERE trend_id = ? ORDER BY at, id")
			.param(trend)
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3))
			.list();
	}

	void feedback(String trend, String user, String verdict, Instant at) {
		jdbc.sql("""
				INSERT INTO trend_feedback (trend_id, user_id, verdict, at) VALUES (?, ?, ?, ?)
				ON CONFLICT (trend_id, user_id) DO UPDATE SET verdict = excluded.verdict, at = excluded.at""")
			.params(trend, user, verdict, at.toEpochMilli())
			.update();
	}

	/** verdict → count for one trend. */
	Map<String, Integer> feedbackCounts(String trend) {
		Map<String, Integer> counts = new TreeMap<>();
		jdbc.sql("SELECT verdict, COUNT(*) FROM trend_feedback WHERE trend_id = ? GROUP BY verdict")
			.param(trend)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		return counts;
	}
}
