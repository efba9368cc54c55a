package org.vigie.inbox;

/**
 * Where the listening module records which of its queries matched which item: the inbox filters
 * on it by query id.
 */
final class ListeningMatches {

	static final String TABLE = "item_matches";

	static final String QUERY_COLUMN = "query_id";

	static final String QUERIES = "listening_queries";

	private ListeningMatches() {
	}
}
