package org.vigie.listen;

import java.util.List;
import java.util.function.Function;

import org.vigie.archive.QueryNode;

/** Writing query trees as search strings: quoting and boolean layout shared by the syntaxes. */
final class SearchText {

	private SearchText() {
	}

	/** A word as is when it is plain letters and digits, else quoted. */
	static String word(String w) {
		return w.matches("[\\p{L}\\p{N}_'’]+") ? w : quote(w);
	}

	static String quote(String s) {
		return "\"" + s.replace("\"", " ").trim() + "\"";
	}

	/**
	 * A full Boolean rendering: {@code and} joins conjunctions, {@code or} disjunctions, {@code not}
	 * prefixes exclusions; groups are parenthesised where needed.
	 */
	static String tree(QueryNode node, String and, String or, String not, Function<QueryNode, String> leaf) {
		if (node instanceof QueryNode.And a) {
			return String.join(and, a.clauses().stream().map(c -> grouped(c, and, or, not, leaf, QueryNode.Or.class)).toList());
		}
		if (node instanceof QueryNode.Or o) {
			return String.join(or, o.clauses().stream().map(c -> grouped(c, and, or, not, leaf, QueryNode.And.class)).toList());
		}
		if (node instanceof QueryNode.Not n) {
			QueryNode c = n.clause();
			boolean group = c instanceof QueryNode.And || c instanceof QueryNode.Or;
			return not + (group ? "(" + tree(c, and, or, not, leaf) + ")" : tree(c, and, or, not, leaf));
		}
		return leaf.apply(node);
	}

	private static String grouped(QueryNode c, String and, String or, String not, Function<QueryNode, String> leaf,
			Class<?> needsParens) {
		String s = tree(c, and, or, not, leaf);
		return needsParens.isInstance(c) ? "(" + s + ")" : s;
	}

	/** A conjunction of literals separated by spaces. */
	static String conjunction(List<QueryNode> literals, Function<QueryNode, String> leaf, String not) {
		return String.join(" ", literals.stream().map(l -> l instanceof QueryNode.Not n ? not + leaf.apply(n.clause())
				: leaf.apply(l)).toList());
	}
}
