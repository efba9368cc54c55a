package org.vigie.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigie.shared.AccountId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;
import org.vigie.storage.SqlDialect;

/**
 * Reads the stream: one page of items for a {@link InboxFilter} and a {@link Visibility}, with keyset
 * paging on (priority,) created time and id, so that a page costs the same however deep it is and
 * new items arriving never shift the pages already read. Also reads one item, its thread and its
 * author's history. Thread-safe; public so that vigie-bench measures exactly what the inbox runs.
 */
@Component
public class InboxQuery {

	static final String COLUMNS = """
			i.id, i.network, i.kind, i.external_id, i.show_id, i.account_id, i.author_id, i.conversation_id,
			i.parent_external_id, i.text, i.url, i.created_at, i.lang, i.sentiment, i.priority, i.priority_reasons,
			i.status, i.snoozed_until, i.assignee_id, i.from_us, i.liked, i.hidden, i.deleted_at,
			a.external_id AS a_external_id, a.handle AS a_handle, a.display_name AS a_display_name,
			a.followers AS a_followers, a.verified AS a_verified, a.profile_url AS a_profile_url,
			acc.handle AS acc_handle""";

	static final String FROM = " FROM items i LEFT JOIN authors a ON a.id = i.author_id"
			+ " LEFT JOIN social_accounts acc ON acc.id = i.account_id";

	/** Up to this many items, a tag or listening query filter reads its own table first ({@link #few}). */
	private static final int FEW = 2_000;

	private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	private final List<TextSearch> textSearch;

	private final InboxSettings settings;

	private final Clock clock;

	public InboxQuery(JdbcClient jdbc, SqlDialect dialect, List<TextSearch> textSearch, InboxSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.textSearch = List.copyOf(textSearch);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * One page of items.
	 * @param inboxOnly true for the inbox (leaves out what we wrote ourselves and deleted items); false for the API's full read
	 * @param cursor null for the first page, else a {@link ItemPage#nextCursor()} of the same filter and order
	 * @param limit at most this many items (1 to {@link InboxSettings#maxPageSize()})
	 * @throws IllegalArgumentException if the cursor is malformed or the limit out of range
	 */
	public ItemPage page(Visibility visibility, InboxFilter filter, boolean inboxOnly, @Nullable String cursor, int limit) {
		if (limit < 1 || limit > settings.maxPageSize()) {
			throw new IllegalArgumentException("limit must be between 1 and " + settings.maxPageSize());
		}
		if (!visibility.all() && visibility.shows().isEmpty()) {
			return new ItemPage(List.of(), null);
		}
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (!visibility.all()) {
			in(where, params, "i.show_id", visibility.shows().stream().map(ShowId::toString).toList());
		}
		if (inboxOnly) {
			where.append(" AND i.from_us = ? AND i.deleted_at IS NULL");
			params.add(false);
		}
		in(where, params, "i.show_id", filter.shows().stream().map(ShowId::toString).toList());
		in(where, params, "i.account_id", filter.accounts().stream().map(AccountId::toString).toList());
		in(where, params, "i.network", filter.networks().stream().map(Network::id).toList());
		in(where, params, "i.kind", filter.kinds().stream().map(ItemKind::name).toList());
		in(where, params, "i.lang", filter.langs());
		in(where, params, "i.sentiment", filter.sentiments());
		in(where, params, "i.status", filter.statuses().stream().map(ItemStatus::name).toList());
		if (filter.assignee() != null) {
			if (filter.assignee().equals("none")) {
				where.append(" AND i.assignee_id IS NULL");
			}
			else {
				where.append(" AND i.assignee_id = ?");
				params.add(filter.assignee());
			}
		}
		// In time order without free text, a tag or listening-query filter drives: its own table gives
		// the marked items newest first, in batches, and the database checks the other filters.
		boolean byQuery = filter.text() == null && filter.order() == InboxOrder.TIME && filter.query() != null;
		boolean byTag = filter.text() == null && filter.order() == InboxOrder.TIME && !byQuery && filter.tag() != null;
		if (filter.tag() != null && !byTag) {
			where.append(few("SELECT 1 FROM item_tags WHERE tag = ?", filter.tag())
					? " AND i.id IN (SELECT t.item_id FROM item_tags t WHERE t.tag = ?)"
					: " AND EXISTS (SELECT 1 FROM item_tags t WHERE t.item_id = i.id AND t.tag = ?)");
			params.add(filter.tag());
		}
		if (filter.query() != null && !byQuery) {
			String matches = ListeningMatches.TABLE + " m WHERE m." + ListeningMatches.QUERY_COLUMN + " = ?";
			where.append(few("SELECT 1 FROM " + matches, filter.query()) ? " AND i.id IN (SELECT m.item_id FROM " + matches + ")"
					: " AND EXISTS (SELECT 1 FROM " + matches + " AND m.item_id = i.id)");
			params.add(filter.query());
		}
		if (filter.from() != null) {
			where.append(" AND i.created_at >= ?");
			params.add(filter.from().toEpochMilli());
		}
		if (filter.to() != null) {
			where.append(" AND i.created_at < ?");
			params.add(filter.to().toEpochMilli());
		}
		Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, filter.order());
		keyset(where, params, filter.order(), after);
		if (filter.text() != null) {
			Optional<TextSearch.Scope> scope = textScope(visibility, filter, after);
			if (scope.isEmpty()) {
				return new ItemPage(List.of(), null);
			}
			Optional<TextSearch.Matches> matches = openText(filter.text(), scope.get());
			if (matches.isPresent()) {
				try (TextSearch.Matches m = matches.get()) {
					return filter.order() == InboxOrder.TIME ? newestMatching(where.toString(), params, m, limit)
							: byPriorityAmong(where.toString(), params, m, limit);
				}
			}
			where.append(" AND i.text ").append(dialect.ilike()).append(" ? ESCAPE '\\'");
			params.add("%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (byQuery || byTag) {
			Instant through = after == null ? null : Instant.ofEpochMilli(after.createdAt());
			try (TextSearch.Matches marked = byQuery
					? new Marked(ListeningMatches.TABLE, ListeningMatches.QUERY_COLUMN, filter.query(), filter.from(), through)
					: new Marked("item_tags", "tag", filter.tag(), filter.from(), through)) {
				return newestMatching(where.toString(), params, marked, limit);
			}
		}
		return page(select(where, params, filter.order(), limit + 1), filter.order(), limit);
	}

	/**
	 * The items a tag or a listening query marks, newest first, read from the table that records the
	 * marks with each item's creation time ({@code item_created_at}), in exact keyset batches.
	 */
	private final class Marked implements TextSearch.Matches {

		private final String sql;

		private final List<Object> params = new ArrayList<>();

		private TextSearch.@Nullable Hit last;

		Marked(String table, String keyColumn, String key, @Nullable Instant from, @Nullable Instant through) {
			StringBuilder where = new StringBuilder(" WHERE " + keyColumn + " = ?");
			params.add(key);
			if (from != null) {
				where.append(" AND item_created_at >= ?");
				params.add(from.toEpochMilli());
			}
			if (through != null) {
				where.append(" AND item_created_at <= ?");
				params.add(through.toEpochMilli());
			}
			this.sql = "SELECT item_id, item_created_at FROM " + table + where;
		}

		@Override
		public List<TextSearch.Hit> next(int n) {
			List<Object> all = new ArrayList<>(params);
			String after = "";
			if (last != null) {
				after = " AND (item_created_at < ? OR (item_created_at = ? AND item_id < ?))";
				all.addAll(List.of(last.createdAt(), last.createdAt(), last.id()));
			}
			all.add(n);
			List<TextSearch.Hit> hits = jdbc.sql(sql + after + " ORDER BY item_created_at DESC, item_id DESC LIMIT ?")
				.params(all)
				.query((rs, i) -> new TextSearch.Hit(rs.getString(1), rs.getLong(2)))
				.list();
			if (!hits.isEmpty()) {
				last = hits.get(hits.size() - 1);
			}
			return hits;
		}

		@Override
		public void close() {
		}
	}

	/**
	 * True when {@code rows} (a query with one parameter) has at most {@link #FEW} rows. A tag or a
	 * listening query that marks few items is read from its own table and the items sorted; one that
	 * marks many is checked row by row while the stream's index is read newest first, which stops
	 * after a page. SQLite has no statistics to choose between the two, so the count (stopped at
	 * {@link #FEW} + 1, read from an index) chooses. The page never shows this count and both plans
	 * return the same rows, but it is not dead: without it one of the two cases reads every item of
	 * the stream (a rare tag under {@code EXISTS}) or every mark of the tag ({@code IN} on a common
	 * one); docs/inbox.md gives the plans.
	 */
	private boolean few(String rows, String param) {
		return jdbc.sql("SELECT COUNT(*) FROM (" + rows + " LIMIT " + (FEW + 1) + ") few").param(param)
			.query(Long.class).single() <= FEW;
	}

	private static void keyset(StringBuilder where, List<Object> params, InboxOrder order, @Nullable Cursor after) {
		if (after == null) {
			return;
		}
		if (order == InboxOrder.PRIORITY) {
			where.append(" AND (i.priority < ? OR (i.priority = ? AND (i.created_at < ? OR (i.created_at = ? AND i.id < ?))))");
			params.addAll(List.of(after.priority(), after.priority(), after.createdAt(), after.createdAt(), after.id()));
		}
		else {
			where.append(" AND (i.created_at < ? OR (i.created_at = ? AND i.id < ?))");
			params.addAll(List.of(after.createdAt(), after.createdAt(), after.id()));
		}
	}

	private List<InboxItem> select(CharSequence where, List<Object> params, InboxOrder order, int n) {
		List<Object> all = new ArrayList<>(params);
		all.add(n);
		String orderBy = order == InboxOrder.PRIORITY ? " ORDER BY i.priority DESC, i.created_at DESC, i.id DESC"
				: " ORDER BY i.created_at DESC, i.id DESC";
		return jdbc.sql("SELECT " + COLUMNS + FROM + where + orderBy + " LIMIT ?")
			.params(all)
			.query((rs, n2) -> map(rs))
			.list();
	}

	/** The page of the first {@code limit} of {@code rows} (sorted, at most limit + 1), with a cursor if there is more. */
	private ItemPage page(List<InboxItem> rows, InboxOrder order, int limit) {
		String next = null;
		if (rows.size() > limit) {
			rows = rows.subList(0, limit);
			InboxItem last = rows.get(limit - 1);
			next = new Cursor(order, last.priority(), last.createdAt().toEpochMilli(), last.id()).encode();
		}
		return new ItemPage(withTags(withParents(rows)), next);
	}

	/**
	 * Free text in time order: the archive's matches are read newest first in growing batches, and
	 * each batch is intersected with the other filters in the database, until the page is full or
	 * {@link InboxSettings#textSearchLimit()} matches were examined. A match at the oldest time of
	 * the batches read so far is not yet certain of its place (a later batch may hold one of the same
	 * millisecond), so the page is full only with {@code limit + 1} rows newer than that. When the
	 * budget runs out first, the page holds the rows known so far and its cursor resumes at the
	 * oldest time examined: a short page, never a wrong one.
	 */
	private ItemPage newestMatching(String where, List<Object> params, TextSearch.Matches matches, int limit) {
		List<InboxItem> found = List.of();
		// Twice the page: enough when the other filters keep half of the matches, and small for the database.
		int batch = Math.max(100, 2 * (limit + 1));
		int examined = 0;
		while (true) {
			List<TextSearch.Hit> hits = matches.next(batch);
			boolean exhausted = hits.size() < batch;
			long boundary = hits.isEmpty() ? Long.MIN_VALUE : hits.get(hits.size() - 1).createdAt();
			if (!hits.isEmpty()) {
				examined += hits.size();
				StringBuilder w = new StringBuilder(where);
				List<Object> p = new ArrayList<>(params);
				in(w, p, "i.id", hits.stream().map(TextSearch.Hit::id).toList());
				found = merge(found, select(w, p, InboxOrder.TIME, limit + 1), InboxOrder.TIME, limit + 1);
			}
			if (exhausted) {
				return page(found, InboxOrder.TIME, limit);
			}
			List<InboxItem> certain = found.stream().filter(r -> r.createdAt().toEpochMilli() > boundary).toList();
			if (certain.size() > limit) {
				return page(certain, InboxOrder.TIME, limit);
			}
			if (examined >= settings.textSearchLimit()) {
				return new ItemPage(withTags(withParents(certain)),
						new Cursor(InboxOrder.TIME, 0, boundary + 1, "").encode());
			}
			batch = Math.min(batch * 2, 4_096);
		}
	}

	/**
	 * Free text by priority: the most important among the newest {@link InboxSettings#textSearchLimit()}
	 * matches, read from the database in chunks.
	 */
	private ItemPage byPriorityAmong(String where, List<Object> params, TextSearch.Matches matches, int limit) {
		List<TextSearch.Hit> hits = matches.next(settings.textSearchLimit());
		List<InboxItem> found = List.of();
		for (int from = 0; from < hits.size(); from += 1_000) {
			StringBuilder w = new StringBuilder(where);
			List<Object> p = new ArrayList<>(params);
			in(w, p, "i.id", hits.subList(from, Math.min(hits.size(), from + 1_000)).stream().map(TextSearch.Hit::id).toList());
			found = merge(found, select(w, p, InboxOrder.PRIORITY, limit + 1), InboxOrder.PRIORITY, limit + 1);
		}
		return page(found, InboxOrder.PRIORITY, limit);
	}

	/** The first {@code n} of both sorted lists, in the stream's order, each item once. */
	private static List<InboxItem> merge(List<InboxItem> a, List<InboxItem> b, InboxOrder order, int n) {
		Comparator<InboxItem> byTime = Comparator.comparing(InboxItem::createdAt)
			.thenComparing(InboxItem::id)
			.reversed();
		Comparator<InboxItem> cmp = order == InboxOrder.PRIORITY
				? Comparator.comparingDouble(InboxItem::priority).reversed().thenComparing(byTime) : byTime;
		Map<String, InboxItem> byId = new LinkedHashMap<>();
		a.forEach(r -> byId.put(r.id(), r));
		b.forEach(r -> byId.putIfAbsent(r.id(), r));
		return byId.values().stream().sorted(cmp).limit(n).toList();
	}

	/**
	 * What the archive can filter itself: the visible shows within the chosen ones, and the facets it
	 * indexes; empty when visibility and the show filter leave no show.
	 */
	private static Optional<TextSearch.Scope> textScope(Visibility visibility, InboxFilter filter, @Nullable Cursor after) {
		Set<String> shows = new HashSet<>(filter.shows().stream().map(ShowId::toString).toList());
		if (!visibility.all()) {
			Set<String> visible = visibility.shows().stream().map(ShowId::toString)
				.collect(Collectors.toSet());
			if (shows.isEmpty()) {
				shows = visible;
			}
			else {
				shows.retainAll(visible);
			}
			if (shows.isEmpty()) {
				return Optional.empty();
			}
		}
		Instant through = filter.to() == null ? null : filter.to().minusMillis(1);
		if (after != null && filter.order() == InboxOrder.TIME) {
			Instant cursorTime = Instant.ofEpochMilli(after.createdAt());
			through = through == null || cursorTime.isBefore(through) ? cursorTime : through;
		}
		if (filter.from() != null && through != null && through.isBefore(filter.from())) {
			return Optional.empty();
		}
		return Optional.of(new TextSearch.Scope(shows,
				filter.accounts().stream().map(AccountId::toString).collect(Collectors.toSet()),
				filter.networks().stream().map(Network::id).collect(Collectors.toSet()),
				filter.kinds().stream().map(ItemKind::id).collect(Collectors.toSet()),
				filter.langs(), filter.sentiments(), filter.from(), through));
	}

	/** The item if it exists and {@code visibility} lets it be seen; empty otherwise (so that a hidden item is a 404). */
	public Optional<InboxItem> find(Visibility visibility, String id) {
		return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE i.id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional()
			.filter(item -> visibility.sees(item.showId()))
			.map(item -> withTags(withParents(List.of(item))).get(0));
	}

	/**
	 * The thread of an item, oldest first: the conversation it belongs to (our post, the comments,
	 * the replies, ours included) or, without a known conversation, its parent and its replies.
	 */
	public List<InboxItem> thread(Visibility visibility, InboxItem item) {
		List<InboxItem> rows;
		if (item.conversationId() != null) {
			rows = jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE i.conversation_id = ? ORDER BY i.created_at, i.id LIMIT 500")
				.param(item.conversationId())
				.query((rs, n) -> map(rs))
				.list();
		}
		else {
			rows = jdbc.sql("SELECT " + COLUMNS + FROM + " " + """
					WHERE i.id = ? OR (i.network = ? AND (i.external_id = ? OR i.parent_external_id = ?))
					ORDER BY i.created_at, i.id LIMIT 500""")
				.params(item.id(), item.network().id(), item.parentExternalId() == null ? "" : item.parentExternalId(),
						item.externalId())
				.query((rs, n) -> map(rs))
				.list();
		}
		return withTags(withParents(rows.stream().filter(r -> visibility.sees(r.showId())).toList()));
	}

	/**
	 * What this author (and the same person on other networks, recognised by handle) wrote that
	 * {@code visibility} may see, newest first.
	 */
	public List<InboxItem> authorHistory(Visibility visibility, InboxItem.ItemAuthor author, int limit) {
		if (author.id() == null) {
			return List.of();
		}
		List<String> authorIds = linkedAuthors(author);
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		in(where, params, "i.author_id", authorIds);
		if (!visibility.all()) {
			if (visibility.shows().isEmpty()) {
				return List.of();
			}
			in(where, params, "i.show_id", visibility.shows().stream().map(ShowId::toString).toList());
		}
		params.add(limit);
		return jdbc.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY i.created_at DESC, i.id DESC LIMIT ?")
			.params(params)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** The listening queries of the shows {@code visibility} covers, by name, for the filter. */
	public List<NamedQuery> listeningQueries(Visibility visibility) {
		return jdbc.sql("SELECT id, name, show_id FROM " + ListeningMatches.QUERIES + " ORDER BY name")
			.query((rs, n) -> new NamedQuery(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list()
			.stream()
			.filter(q -> visibility.sees(q.showId()))
			.toList();
	}

	/** A listening query as the filter lists it. */
	public record NamedQuery(String id, String name, @Nullable String showId) {
	}

	/** The author's id and the ids of authors with the same handle on other networks. */
	List<String> linkedAuthors(InboxItem.ItemAuthor author) {
		List<String> ids = new ArrayList<>();
		ids.add(author.id());
		if (author.handle() != null && !author.handle().isBlank()) {
			String handle = author.handle().replaceFirst("^@", "").replaceFirst("@.*$", "").toLowerCase(Locale.ROOT);
			ids.addAll(jdbc.sql("SELECT id FROM authors WHERE id <> ? AND (LOWER(handle) = ? OR LOWER(handle) = ? OR LOWER(handle) LIKE ?) LIMIT 20")
				.params(author.id(), handle, "@" + handle, handle + "@%")
				.query(String.class)
				.list());
		}
		return ids;
	}

	/** A reading of the archive's matches, or empty when no archive answers. */
	private Optional<TextSearch.Matches> openText(String text, TextSearch.Scope scope) {
		for (TextSearch search : textSearch) {
			Optional<TextSearch.Matches> matches = search.newest(text, scope);
			if (matches.isPresent()) {
				return matches;
			}
		}
		return Optional.empty();
	}

	private List<InboxItem> withParents(List<InboxItem> rows) {
		List<String> parents = rows.stream().filter(r -> r.parentExternalId() != null)
			.map(r -> r.network().id() + "\u0000" + r.parentExternalId()).distinct().toList();
		if (parents.isEmpty()) {
			return rows;
		}
		Map<String, String> ids = new HashMap<>();
		for (String key : parents) {
			String[] parts = key.split("\u0000", 2);
			jdbc.sql("SELECT id FROM items WHERE network = ? AND external_id = ?")
				.params(parts[0], parts[1])
				.query(String.class)
				.optional()
				.ifPresent(id -> ids.put(key, id));
		}
		return rows.stream().map(r -> {
			String parentId = r.parentExternalId() == null ? null : ids.get(r.network().id() + "\u0000" + r.parentExternalId());
			return parentId == null ? r : new InboxItem(r.id(), r.network(), r.kind(), r.externalId(), r.showId(), r.accountId(),
					r.accountHandle(), r.author(), r.text(), r.url(), r.createdAt(), r.conversationId(), r.parentExternalId(),
					parentId, r.lang(), r.sentiment(), r.priority(), r.priorityReasons(), r.status(), r.snoozedUntil(),
					r.assigneeId(), r.tags(), r.mine(), r.liked(), r.hidden(), r.deleted());
		}).toList();
	}

	private List<InboxItem> withTags(List<InboxItem> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		in(where, params, "item_id", rows.stream().map(InboxItem::id).toList());
		Map<String, List<String>> tags = new HashMap<>();
		jdbc.sql("SELECT item_id, tag FROM item_tags" + where + " ORDER BY tag")
			.params(params)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return rows.stream().map(r -> tags.containsKey(r.id()) ? r.withTags(tags.get(r.id())) : r).toList();
	}

	private static void in(StringBuilder where, List<Object> params, String column, Collection<String> values) {
		if (values.isEmpty()) {
			return;
		}
		if (values.size() == 1) {
			where.append(" AND ").append(column).append(" = ?");
			params.add(values.iterator().next());
			return;
		}
		where.append(" AND ").append(column).append(" IN (");
		where.append(String.join(", ", Collections.nCopies(values.size(), "?"))).append(')');
		params.addAll(values);
	}

	static InboxItem map(ResultSet rs) throws SQLException {
		Object followers = rs.getObject("a_followers");
		Object snoozed = rs.getObject("snoozed_until");
		return new InboxItem(rs.getString("id"), Network.fromId(rs.getString("network")).orElseThrow(),
				ItemKind.valueOf(rs.getString("kind")), rs.getString("external_id"), rs.getString("show_id"),
				rs.getString("account_id"), rs.getString("acc_handle"),
				new InboxItem.ItemAuthor(rs.getString("author_id"), rs.getString("a_external_id"), rs.getString("a_handle"),
						rs.getString("a_display_name"), followers == null ? null : ((Number) followers).longValue(),
						rs.getBoolean("a_verified"), rs.getString("a_profile_url")),
				rs.getString("text"), rs.getString("url"), Instant.ofEpochMilli(rs.getLong("created_at")),
				rs.getString("conversation_id"), rs.getString("parent_external_id"), null, rs.getString("lang"),
				rs.getString("sentiment"), rs.getDouble("priority"), reasons(rs.getString("priority_reasons")),
				ItemStatus.fromId(rs.getString("status")).orElse(ItemStatus.OPEN),
				snoozed == null ? null : Instant.ofEpochMilli(((Number) snoozed).longValue()), rs.getString("assignee_id"),
				List.of(), rs.getBoolean("from_us"), rs.getBoolean("liked"), rs.getBoolean("hidden"),
				rs.getObject("deleted_at") != null);
	}

	/** Priority reasons are stored as a JSON array of strings or as comma-separated words. */
	static List<String> reasons(@Nullable String stored) {
		if (stored == null || stored.isBlank()) {
			return List.of();
		}
		String s = stored.trim();
		List<String> out = new ArrayList<>();
		if (s.startsWith("[")) {
			Matcher m = QUOTED.matcher(s);
			while (m.find()) {
				out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
			}
			return out;
		}
		for (String part : s.split(",")) {
			if (!part.isBlank()) {
				out.add(part.trim());
			}
		}
		return out;
	}

	/** The clock of this query, for the wake-up of snoozed items. */
	Instant now() {
		return clock.instant();
	}

	/** A position in the stream: the sort key of the last item of a page. */
	record Cursor(InboxOrder order, double priority, long createdAt, String id) {

		String encode() {
			String raw = (order == InboxOrder.PRIORITY ? "p" : "t") + "|" + priority + "|" + createdAt + "|" + id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String value, InboxOrder expected) {
			try {
				String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
				String[] parts = raw.split("\\|", 4);
				InboxOrder order = parts[0].equals("p") ? InboxOrder.PRIORITY : InboxOrder.TIME;
				if (parts.length != 4 || order != expected) {
					throw new IllegalArgumentException("cursor does not belong to this order");
				}
				return new Cursor(order, Double.parseDouble(parts[1]), Long.parseLong(parts[2]), parts[3]);
			}
			catch (RuntimeException e) {
				throw new IllegalArgumentException("Malformed cursor", e);
			}
		}
	}
}
