package org.vigie.archive;

import java.util.List;

/**
 * A parsed listening query, as a tree. Every node knows the position (0-based character offset
 * in the query text) where it starts, for error messages. Values are kept as typed; folding and
 * analysis happen when the tree is compiled to Lucene, so that a translator to a network's own
 * search syntax sees what the user wrote.
 */
public sealed interface QueryNode {

	/** Where this node starts in the query text (0-based). */
	int position();

	/** A word as typed; with {@code prefix} it was written {@code word*}. */
	record Word(String text, boolean prefix, int position) implements QueryNode {
	}

	/** {@code "several words"} in this order, next to each other. */
	record Phrase(String text, int position) implements QueryNode {
	}

	/** {@code raw:"…"}: the words exactly as written, case and accents included. */
	record Raw(String text, int position) implements QueryNode {
	}

	/** {@code #tag} (without {@code #}); with {@code prefix} it was written {@code #tag*}. */
	record Hashtag(String tag, boolean prefix, int position) implements QueryNode {
	}

	/** {@code @handle} (without {@code @}). */
	record Mention(String handle, int position) implements QueryNode {
	}

	/**
	 * {@code field:value} on a facet: {@code lang}, {@code network}, {@code author}, {@code has},
	 * {@code sentiment}, {@code show} or {@code kind}; the value already checked and normalised
	 * ({@code network:twitter} is {@code x}, {@code sentiment:négatif} is {@code negative}).
	 */
	record Filter(String field, String value, int position) implements QueryNode {
	}

	/** Every clause must hold. */
	record And(List<QueryNode> clauses, int position) implements QueryNode {
		public And {
			clauses = List.copyOf(clauses);
		}
	}

	/** At least one clause must hold. */
	record Or(List<QueryNode> clauses, int position) implements QueryNode {
		public Or {
			clauses = List.copyOf(clauses);
		}
	}

	/** The clause must not hold. */
	record Not(QueryNode clause, int position) implements QueryNode {
	}

	/**
	 * {@code left NEAR/n right}: both within {@code distance} words of each other; with
	 * {@code ordered} ({@code ONEAR/n}) {@code left} comes first. Operands are words, prefixes,
	 * phrases, OR-groups of those, or other proximities.
	 */
	record Near(QueryNode left, QueryNode right, int distance, boolean ordered, int position) implements QueryNode {
	}
}
