package org.vigie.listen;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.archive.Archive;
import org.vigie.archive.ArchivePage;
import org.vigie.archive.ArchiveScope;
import org.vigie.archive.ArchiveStats;
import org.vigie.archive.SearchQuery;
import org.vigie.shared.ItemId;
import org.vigie.shared.ShowId;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Actor;
import org.vigie.workspace.AuditLog;
import org.vigie.workspace.Shows;

/**
 * The listening queries of the workspace: create, change, delete (audited; community managers,
 * managers and admins, on the shows they see), backfill over the archive, matches and statistics.
 * Thread-safe.
 */
@Service
public class ListeningQueries {

	/** Backfills look at most this many archived items. */
	static final int MAX_BACKFILL = 20_000;

	private final QueryStore store;

	private final LiveMatcher matcher;

	private final Archive archive;

	private final Shows shows;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	ListeningQueries(QueryStore store, LiveMatcher matcher, Archive archive, Shows shows, AuditLog audit,
			JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.matcher = matcher;
		this.archive = archive;
		this.shows = shows;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every query of the workspace, by name. */
	public List<ListeningQuery> all() {
		return store.all();
	}

	/** The queries of the shows {@code actor} sees, by name. */
	public List<ListeningQuery> visibleTo(Actor actor) {
		return store.all().stream().filter(q -> actor.sees(q.show())).toList();
	}

	/** A query {@code actor} may see. @throws NotFoundException if unknown or on a show they do not see */
	public ListeningQuery get(Actor actor, QueryId id) {
		return store.find(id).filter(q -> actor.sees(q.show())).orElseThrow(() -> new NotFoundException("listen.unknown"));
	}

	public Optional<ListeningQuery> find(QueryId id) {
		return store.find(id);
	}

	/**
	 * Checks a query: parses it and resolves its {@code show:} values.
	 * @throws org.vigie.archive.QuerySyntaxException with the position and what was expected
	 */
	public SearchQuery validate(String text) {
		SearchQuery query = SearchQuery.parse(text);
		archive.lucene(query);
		return query;
	}

	/**
	 * Creates a query; it matches items created from {@code appliesFrom} (default now) as they come.
	 * @throws org.vigie.archive.QuerySyntaxException if the query does not parse
	 */
	@Transactional
	public ListeningQuery create(Actor actor, QueryDraft draft) {
		actor.requireWrite();
		requireShow(actor, draft.show());
		validate(draft.text());
		Instant now = clock.instant();
		ListeningQuery q = new ListeningQuery(QueryId.generate(), draft.show(), draft.name(), draft.text(), draft.enabled(),
				draft.appliesFrom() == null ? now : draft.appliesFrom(), now, now);
		store.insert(q, actor.id().toString());
		matcher.update(q, store.showResolver());
		audit.record(actor.auditActor(), "listen.query.created", "listening_query", q.id().toString(), q.name() + ": " + q.text());
		return q;
	}

	/**
	 * Creates the query unless the show already has one of that name, on behalf of the system (the
	 * demo workspace, first-run setup), without an actor's permission checks; audited as
	 * {@code system}. Idempotent.
	 * @throws org.vigie.archive.QuerySyntaxException if the query does not parse
	 */
	@Transactional
	public ListeningQuery ensure(ShowId show, String name, String text, Instant appliesFrom) {
		Optional<ListeningQuery> existing = store.all().stream()
			.filter(q -> q.show().equals(show) && q.name().equals(name))
			.findFirst();
		if (existing.isPresent()) {
			return existing.get();
		}
		validate(text);
		Instant now = clock.instant();
		ListeningQuery q = new ListeningQuery(QueryId.generate(), show, name, text, true, appliesFrom, now, now);
		store.insert(q, "system");
		matcher.update(q, store.showResolver());
		audit.record(new AuditLog.Actor("system", "system"), "listen.query.created", "listening_query", q.id().toString(),
				q.name() + ": " + q.text());
		return q;
	}

	/** Changes a query; with a null {@code appliesFrom} it keeps applying from when it did. */
	@Transactional
	public ListeningQuery update(Actor actor, QueryId id, QueryDraft draft) {
		actor.requireWrite();
		ListeningQuery old = get(actor, id);
		requireShow(actor, draft.show());
		validate(draft.text());
		ListeningQuery q = new ListeningQuery(id, draft.show(), draft.name(), draft.text(), draft.enabled(),
				draft.appliesFrom() == null ? (old.text().equals(draft.text()) ? old.appliesFrom() : clock.instant())
						: draft.appliesFrom(),
				old.createdAt(), clock.instant());
		store.update(q);
		matcher.update(q, store.showResolver());
		audit.record(actor.auditActor(), "listen.query.updated", "listening_query", id.toString(),
				old.text() + " → " + q.text());
		return q;
	}

	@Transactional
	public void delete(Actor actor, QueryId id) {
		actor.requireWrite();
		ListeningQuery q = get(actor, id);
		store.delete(id);
		matcher.remove(id);
		audit.record(actor.auditActor(), "listen.query.deleted", "listening_query", id.toString(), q.name());
	}

	/**
	 * Records as matches of the query the archived items created from {@code from} that it matches
	 * (at most {@value #MAX_BACKFILL}, newest first). Items already matched stay as they are.
	 * @return how many matches were added
	 */
	@Transactional
	public long backfill(Actor actor, QueryId id, Instant from) {
		actor.requireWrite();
		ListeningQuery q = get(actor, id);
		SearchQuery query = SearchQuery.parse(q.text());
		long added = 0;
		long now = clock.millis();
		for (int offset = 0; offset < MAX_BACKFILL; offset += 500) {
			ArchivePage page = archive.search(query, ArchiveScope.since(from), Archive.Order.NEWEST, offset, 500);
			if (page.ids().isEmpty()) {
				break;
			}
			for (ItemId item : page.ids()) {
				added += jdbc.sql("""
						INSERT INTO item_matches (item_id, query_id, show_id, item_created_at, matched_at, source)
						SELECT id, ?, ?, created_at, ?, 'backfill' FROM items WHERE id = ?
						ON CONFLICT (item_id, query_id) DO NOTHING""")
					.params(id.toString(), q.show().toString(), now, item.toString())
					.update();
			}
			if (page.ids().size() < 500) {
				break;
			}
		}
		audit.record(actor.auditActor(), "listen.query.backfilled", "listening_query", id.toString(),
				added + " since " + from);
		return added;
	}

	/** The stored matches of a query, newest item first. */
	public List<Match> matches(Actor actor, QueryId id, int offset, int limit) {
		get(actor, id);
		return jdbc.sql("""
				SELECT item_id, item_created_at, matched_at, source FROM item_matches WHERE query_id = ?
				ORDER BY item_created_at DESC LIMIT ? OFFSET ?""")
			.params(id.toString(), Math.min(Math.max(limit, 1), 500), Math.max(offset, 0))
			.query((rs, n) -> new Match(ItemId.of(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
					Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)))
			.list();
	}

	/** How many matches a query has stored. */
	public long matchCount(QueryId id) {
		return jdbc.sql("SELECT COUNT(*) FROM item_matches WHERE query_id = ?").param(id.toString()).query(Long.class).single();
	}

	/** Volume per day, sentiment, top authors and hashtags of the query over the archive's last {@code days}. */
	public ArchiveStats stats(Actor actor, QueryId id, int days, ZoneId zone) {
		ListeningQuery q = get(actor, id);
		return archive.stats(SearchQuery.parse(q.text()), ArchiveScope.since(clock.instant().minusSeconds(86_400L * days)),
				zone, 10);
	}

	/**
	 * Share of voice between the shows {@code actor} sees over the last {@code days}: for each show,
	 * the archived items matching any of its enabled queries. Shows without queries count 0.
	 */
	public Map<ShowId, Long> shareOfVoice(Actor actor, int days) {
		Map<ShowId, Long> out = new LinkedHashMap<>();
		ArchiveScope scope = ArchiveScope.since(clock.instant().minusSeconds(86_400L * days));
		List<ListeningQuery> queries = visibleTo(actor);
		for (var show : shows.visibleTo(actor)) {
			List<String> texts = queries.stream()
				.filter(q -> q.enabled() && q.show().equals(show.id()))
				.map(q -> "(" + q.text() + ")")
				.toList();
			out.put(show.id(), texts.isEmpty() ? 0L : archive.count(SearchQuery.parse(String.join(" OR ", texts)), scope));
		}
		return out;
	}

	private void requireShow(Actor actor, ShowId show) {
		if (shows.find(show).isEmpty()) {
			throw new IllegalArgumentException("listen.show-unknown");
		}
		actor.requireShow(show);
	}

	/**
	 * A stored match.
	 * @param source {@code live} (found at ingestion) or {@code backfill}
	 */
	public record Match(ItemId item, Instant itemCreatedAt, Instant matchedAt, String source) {
	}
}
