package org.vigie.listen;

import java.time.Duration;
import java.util.List;

import org.vigie.archive.QueryNode;
import org.vigie.shared.Network;

/**
 * One network's search, as listening uses it: what it can express and how a query is written in
 * it. One small implementation per network that has a search; pure and thread-safe.
 */
interface SearchSyntax {

	Network network();

	/**
	 * The searches that together return (at least) every post the query matches; empty when the
	 * network cannot search for it. {@code exact} false means broader: filter locally.
	 */
	Result translate(QueryNode root);

	/** How often to run one of these searches when {@code searches} run on this network in all. */
	Duration every(int searches);

	/**
	 * @param notes message keys ({@code listen.search.*}) explaining what was approximated
	 */
	record Result(List<String> searches, boolean exact, List<String> notes) {

		public Result {
			searches = List.copyOf(searches);
			notes = List.copyOf(notes);
		}

		static Result none(String note) {
			return new Result(List.of(), false, List.of(note));
		}
	}
}
