package org.vigie.listen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.archive.Archive;
import org.vigie.shared.ShowId;
import org.vigie.workspace.Workspaces;

/** The {@code listening_queries} table. */
@Repository
class QueryStore {

	private static final String COLUMNS = "id, show_id, name, query, enabled, applies_from, created_at, updated_at";

	private final JdbcClient jdbc;

	private final Workspaces workspaces;

	private final Archive archive;

	QueryStore(JdbcClient jdbc, Workspaces workspaces, Archive archive) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.archive = archive;
	}

	List<ListeningQuery> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM listening_queries WHERE workspace_id = ? ORDER BY name")
			.param(workspaces.current().toString())
			.query(QueryStore::map)
			.list();
	}

	Optional<ListeningQuery> find(QueryId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM listening_queries WHERE id = ?")
			.param(id.toString())
			.query(QueryStore::map)
			.optional();
	}

	void insert(ListeningQuery q, String createdBy) {
		jdbc.sql("""
				INSERT INTO listening_queries (id, workspace_id, show_id, name, query, enabled, applies_from, created_at,
				updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(q.id().toString(), workspaces.current().toString(), q.show().toString(), q.name(), q.text(),
					q.enabled(), q.appliesFrom().toEpochMilli(), q.createdAt().toEpochMilli(),
					q.updatedAt().toEpochMilli(), createdBy)
			.update();
	}

	void update(ListeningQuery q) {
		jdbc.sql("""
				UPDATE listening_queries SET show_id = ?, name = ?, query = ?, enabled = ?, applies_from = ?, updated_at = ?
				WHERE id = ?""")
			.params(q.show().toString(), q.name(), q.text(), q.enabled(), q.appliesFrom().toEpochMilli(),
					q.updatedAt().toEpochMilli(), q.id().toString())
			.update();
	}

	void delete(QueryId id) {
		jdbc.sql("DELETE FROM item_matches WHERE query_id = ?").param(id.toString()).update();
		jdbc.sql("DELETE FROM listening_queries WHERE id = ?").param(id.toString()).update();
	}

	Function<String, Optional<String>> showResolver() {
		return archive.showResolver();
	}

	private static ListeningQuery map(ResultSet rs, int n) throws SQLException {
		return new ListeningQuery(QueryId.of(rs.getString(1)), ShowId.of(rs.getString(2)), rs.getString(3),
				rs.getString(4), rs.getBoolean(5), Instant.ofEpochMilli(rs.getLong(6)), Instant.ofEpochMilli(rs.getLong(7)),
				Instant.ofEpochMilli(rs.getLong(8)));
	}
}
