package org.vigie.storage;

/**
 * The two databases Vigie runs on. Migrations and almost all queries are portable
 * ({@code INSERT … ON CONFLICT} works on both); the few exceptions ask this.
 */
public enum SqlDialect {

	SQLITE, POSTGRESQL;

	/** A case-insensitive {@code LIKE} operator: SQLite's {@code LIKE} already is, PostgreSQL needs {@code ILIKE}. */
	public String ilike() {
		return this == POSTGRESQL ? "ILIKE" : "LIKE";
	}
}
