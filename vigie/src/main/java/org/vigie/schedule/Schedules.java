package org.vigie.schedule;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.schedule.xmltv.Guide;
import org.vigie.schedule.xmltv.Programme;
import org.vigie.schedule.xmltv.XmltvParser;
import org.vigie.shared.Ids;
import org.vigie.shared.ShowId;
import org.vigie.workspace.Actor;
import org.vigie.workspace.AuditLog;
import org.vigie.workspace.Workspaces;

/**
 * The TV schedule of the workspace: imports XMLTV guides, links shows to programme titles and
 * answers which airings a show has over a period. Thread-safe.
 */
@Service
public class Schedules {

	private static final Logger log = LoggerFactory.getLogger(Schedules.class);

	private static final Duration DEFAULT_LENGTH = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Workspaces workspaces;

	private final AuditLog audit;

	private final Clock clock;

	private final ScheduleSettings settings;

	private final XmltvParser parser;

	private final HttpClient http;

	Schedules(JdbcClient jdbc, Workspaces workspaces, AuditLog audit, Clock clock, ScheduleSettings settings) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
		this.parser = new XmltvParser(settings.zone());
		this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(settings.fetchTimeout()).build();
	}

	/**
	 * Imports an uploaded guide.
	 * @throws IllegalArgumentException if it is not a readable XMLTV guide or is too large
	 */
	@Transactional
	public ImportReport importGuide(Actor actor, String name, InputStream in) {
		actor.requireWrite();
		String id = Ids.next().toString();
		jdbc.sql("INSERT INTO schedule_sources (id, workspace_id, name, created_at) VALUES (?, ?, ?, ?)")
			.params(id, workspaces.current().toString(), clean(name, "guide.xml"), clock.millis())
			.update();
		ImportReport report = store(id, parse(in));
		audit.record(actor.auditActor(), "schedule.imported", "schedule_source", id,
				name + ": " + report.programmes() + " programmes");
		return report;
	}

	/**
	 * Adds a guide URL, fetched now and then every day.
	 * @throws IllegalArgumentException if the URL is not http(s) or the guide cannot be read
	 */
	public ImportReport addUrl(Actor actor, String url) {
		actor.requireShowManager();
		URI uri = URI.create(url.trim());
		if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
			throw new IllegalArgumentException("schedule.url-invalid");
		}
		String id = Ids.next().toString();
		jdbc.sql("INSERT INTO schedule_sources (id, workspace_id, name, url, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, workspaces.current().toString(), clean(uri.getHost() + uri.getPath(), url), uri.toString(),
					clock.millis())
			.update();
		audit.record(actor.auditActor(), "schedule.url-added", "schedule_source", id, uri.toString());
		return fetch(id, uri);
	}

	/** Fetches every URL source again; a failing one keeps its programmes and records why. */
	@Scheduled(cron = "${vigie.schedule.refresh-cron:0 15 5 * * *}")
	public void refreshAll() {
		for (ScheduleSource source : sources()) {
			if (source.url() != null) {
				try {
					fetch(source.id(), URI.create(source.url()));
				}
				catch (IllegalArgumentException e) {
					log.warn("Schedule {} could not be refreshed: {}", source.url(), e.getMessage());
				}
			}
		}
	}

	ImportReport fetch(String sourceId, URI uri) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.fetchTimeout())
				.header("Accept", "application/xml, text/xml, application/gzip, */*").GET().build();
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() / 100 != 2) {
					throw new IllegalArgumentException("HTTP " + response.statusCode());
				}
				return store(sourceId, parse(body));
			}
		}
		catch (IOException | IllegalArgumentException e) {
			String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			jdbc.sql("UPDATE schedule_sources SET last_error = ? WHERE id = ?")
				.params(why.length() > 1900 ? why.substring(0, 1900) : why, sourceId)
				.update();
			throw new IllegalArgumentException("schedule.fetch-failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while fetching " + uri, e);
		}
	}

	private Guide parse(InputStream raw) {
		try {
			BufferedInputStream in = new BufferedInputStream(new LimitedInputStream(raw, settings.maxGuideMb() * 1024L * 1024L));
			in.mark(2);
			int b1 = in.read();
			int b2 = in.read();
			in.reset();
			// Grabbers often publish guides gzipped (guide.xml.gz).
			InputStream xml = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
			return parser.parse(xml);
		}
		catch (IOException e) {
			throw new IllegalArgumentException("schedule.unreadable", e);
		}
	}

	@Transactional
	ImportReport store(String sourceId, Guide guide) {
		String workspace = workspaces.current().toString();
		for (Programme p : guide.programmes()) {
			jdbc.sql("""
					INSERT INTO programmes (id, workspace_id, channel, channel_name, start_at, stop_at, title, title_key,
					  sub_title, description, categories, episode, source_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (workspace_id, channel, start_at, title_key) DO UPDATE SET stop_at = excluded.stop_at,
					  channel_name = excluded.channel_name, title = excluded.title, sub_title = excluded.sub_title,
					  description = excluded.description, categories = excluded.categories, episode = excluded.episode,
					  source_id = excluded.source_id""")
				.params(Ids.next().toString(), workspace, p.channel(), guide.channels().getOrDefault(p.channel(), p.channel()),
						p.start().toEpochMilli(), p.stop() == null ? null : p.stop().toEpochMilli(), cut(p.title(), 500),
						titleKey(p.title()), p.subTitle() == null ? null : cut(p.subTitle(), 500), p.description(),
						String.join("\n", p.categories()), p.episode() == null ? null : cut(p.episode(), 200), sourceId)
				.update();
		}
		jdbc.sql("UPDATE schedule_sources SET fetched_at = ?, programmes = ?, duplicates = ?, last_error = NULL WHERE id = ?")
			.params(clock.millis(), guide.programmes().size(), guide.duplicates(), sourceId)
			.update();
		return new ImportReport(sourceId, guide.programmes().size(), guide.duplicates(), guide.channels().size());
	}

	/** Every source, newest first. */
	public List<ScheduleSource> sources() {
		return jdbc.sql("""
				SELECT id, name, url, created_at, fetched_at, programmes, duplicates, last_error FROM schedule_sources
				WHERE workspace_id = ? ORDER BY created_at DESC""")
			.param(workspaces.current().toString())
			.query((rs, n) -> new ScheduleSource(rs.getString(1), rs.getString(2), rs.getString(3),
					Instant.ofEpochMilli(rs.getLong(4)), rs.getObject(5) == null ? null : Instant.ofEpochMilli(rs.getLong(5)),
					rs.getInt(6), rs.getInt(7), rs.getString(8)))
			.list();
	}

	/** Links {@code show} to a programme title: every programme so titled is an airing of it. */
	@Transactional
	public void link(Actor actor, ShowId show, String title) {
		actor.requireWrite();
		actor.requireShow(show);
		String trimmed = title.trim();
		if (trimmed.isEmpty() || trimmed.length() > 500) {
			throw new IllegalArgumentException("schedule.title-required");
		}
		jdbc.sql("INSERT INTO show_programmes (show_id, title_key, title) VALUES (?, ?, ?) ON CONFLICT (show_id, title_key) DO NOTHING")
			.params(show.toString(), titleKey(trimmed), trimmed)
			.update();
		audit.record(actor.auditActor(), "schedule.linked", "show", show.toString(), trimmed);
	}

	/** Removes the link between {@code show} and a title. */
	@Transactional
	public void unlink(Actor actor, ShowId show, String title) {
		actor.requireWrite();
		actor.requireShow(show);
		jdbc.sql("DELETE FROM show_programmes WHERE show_id = ? AND title_key = ?")
			.params(show.toString(), titleKey(title))
			.update();
		audit.record(actor.auditActor(), "schedule.unlinked", "show", show.toString(), title);
	}

	/** The programme titles linked to {@code show}, by title. */
	public List<String> titles(ShowId show) {
		return jdbc.sql("SELECT title FROM show_programmes WHERE show_id = ? ORDER BY title")
			.param(show.toString())
			.query(String.class)
			.list();
	}

	/** Distinct programme titles of the imported guides, for suggestions; at most {@code limit}. */
	public List<String> knownTitles(int limit) {
		return jdbc.sql("SELECT MIN(title) FROM programmes WHERE workspace_id = ? GROUP BY title_key ORDER BY MIN(title) LIMIT ?")
			.params(workspaces.current().toString(), limit)
			.query(String.class)
			.list();
	}

	/** The airings of {@code show} overlapping {@code [from, to)}, by start. */
	public List<Airing> airings(ShowId show, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT p.title, COALESCE(p.channel_name, p.channel), p.start_at, p.stop_at FROM programmes p
				JOIN show_programmes s ON s.title_key = p.title_key
				WHERE s.show_id = ? AND p.workspace_id = ? AND p.start_at < ? AND p.start_at > ?
				ORDER BY p.start_at""")
			.params(show.toString(), workspaces.current().toString(), to.toEpochMilli(),
					from.minus(Duration.ofHours(12)).toEpochMilli())
			.query((rs, n) -> {
				Instant start = Instant.ofEpochMilli(rs.getLong(3));
				Instant end = rs.getObject(4) == null ? start.plus(DEFAULT_LENGTH) : Instant.ofEpochMilli(rs.getLong(4));
				return new Airing(show, rs.getString(1), rs.getString(2), start,
						end.isAfter(start) ? end : start.plus(DEFAULT_LENGTH));
			})
			.list()
			.stream()
			.filter(a -> a.end().isAfter(from))
			.toList();
	}

	/** The next airing of {@code show} after {@code t}, if the schedule knows one. */
	public Optional<Airing> next(ShowId show, Instant t) {
		return airings(show, t, t.plus(Duration.ofDays(60))).stream().filter(a -> !a.start().isBefore(t)).findFirst();
	}

	/** How titles are compared: lower case, no accents, single spaces. */
	static String titleKey(String title) {
		String folded = Normalizer.normalize(title.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return cut(folded.replaceAll("[^\\p{L}\\p{N}]+", " ").trim(), 500);
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}

	private static String clean(@Nullable String name, String otherwise) {
		return name == null || name.isBlank() ? otherwise : cut(name.trim(), 300);
	}
}
