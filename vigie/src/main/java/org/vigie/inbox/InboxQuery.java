package org.vigie.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		if (filter.tag() != null) {
			where.append(" AND i.id IN (SELECT t.item_id FROM item_tags t WHERE t.tag = ?)");
			params.add(filter.tag());
		}
		if (filter.query() != null) {
			where.append(" AND i.id IN (SELECT m.item_id FROM " + ListeningMatches.TABLE + " m WHERE m."
					+ ListeningMatches.QUERY_COLUMN + " = ?)");
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
		if (filter.text() != null) {
			Optional<List<String>> hits = searchArchive(filter.text());
			if (hits.isPresent()) {
				if (hits.get().isEmpty()) {
					return new ItemPage(List.of(), null);
				}
				in(where, params, "i.id", hits.get());
			}
			else {
				where.append(" AND i.text ").append(dialect.ilike()).append(" ? ESCAPE '\\'");
				params.add("%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
		}
		Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, filter.order());
		String order;
		if (filter.order() == InboxOrder.PRIORITY) {
			if (after != null) {
				where.append(" AND (i.priority < ? OR (i.priority = ? AND (i.created_at < ? OR (i.created_at = ? AND i.id < ?))))");
				params.addAll(List.of(after.priority(), after.priority(), after.createdAt(), after.createdAt(), after.id()));
			}
			order = " ORDER BY i.priority DESC, i.created_at DESC, i.id DESC";
		}
		else {
			if (after != null) {
				where.append(" AND (i.created_at < ? OR (i.created_at = ? AND i.id < ?))");
				params.addAll(List.of(after.createdAt(), after.createdAt(), after.id()));
			}
			order = " ORDER BY i.created_at DESC, i.id DESC";
		}
		params.add(limit + 1);
		List<InboxItem> rows = jdbc.sql("SELECT " + COLUMNS + FROM + where + order + " LIMIT ?")
			.params(params)
			.query((rs, n) -> map(rs))
			.list();
		String next = null;
		if (rows.size() > limit) {
			rows = rows.subList(0, limit);
			InboxItem last = rows.get(limit - 1);
			next = new Cursor(filter.order(), last.priority(), last.createdAt().toEpochMilli(), last.id()).encode();
		}
		return new ItemPage(withTags(withParents(rows)), next);
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
			String handle = author.handle().replaceFirst("^@", "").replaceFirst("@.*$", "").toLowerCase(java.util.Locale.ROOT);
			ids.addAll(jdbc.sql("SELECT id FROM authors WHERE id <> ? AND (LOWER(handle) = ? OR LOWER(handle) = ? OR LOWER(handle) LIKE ?) LIMIT 20")
				.params(author.id(), handle, "@" + handle, handle + "@%")
				.query(String.class)
				.list());
		}
		return ids;
	}

	/** Text search through the archive, or empty when no archive answers. */
	private Optional<List<String>> searchArchive(String text) {
		for (TextSearch search : textSearch) {
			Optional<List<String>> hits = search.search(text, settings.textSearchLimit());
			if (hits.isPresent()) {
				return hits;
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
		where.append(String.join(", ", java.util.Collections.nCopies(values.size(), "?"))).append(')');
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
