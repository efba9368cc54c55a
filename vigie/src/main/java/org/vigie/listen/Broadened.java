package org.vigie.listen;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vigie.archive.QueryNode;

/**
 * A query rewritten into what one network's search can express, never narrower than the original:
 * what the network cannot say is dropped (a superset) and {@link #exact()} turns false, so the
 * items it returns must be filtered by the local matcher. {@link #node()} is null when the whole
 * query is {@link #always() dropped} (nothing to search for) or {@link #never() impossible}
 * (e.g. {@code network:bluesky} asked of X).
 */
record Broadened(@Nullable QueryNode node, boolean always, boolean never, boolean exact) {

	static Broadened of(QueryNode node, boolean exact) {
		return new Broadened(node, false, false, exact);
	}

	static Broadened always(boolean exact) {
		return new Broadened(null, true, false, exact);
	}

	static Broadened never(boolean exact) {
		return new Broadened(null, false, true, exact);
	}

	/** What a network's search can say. */
	record Capabilities(boolean words, boolean phrases, boolean or, boolean not, boolean hashtags, boolean mentions,
			boolean authors, boolean lang, boolean links, boolean media) {
	}

	/** Rewrites {@code node} for a network with {@code caps}; {@code network} is that network's id. */
	static Broadened rewrite(QueryNode node, Capabilities caps, String network) {
		if (node instanceof QueryNode.Word w) {
			return caps.words() && !w.prefix() ? of(w, true) : always(false);
		}
		if (node instanceof QueryNode.Phrase p) {
			if (!caps.words()) {
				return always(false);
			}
			return caps.phrases() ? of(p, true) : of(andOfWords(p.text(), p.position()), false);
		}
		if (node instanceof QueryNode.Raw r) {
			if (!caps.words()) {
				return always(false);
			}
			return caps.phrases() ? of(new QueryNode.Phrase(r.text(), r.position()), false)
					: of(andOfWords(r.text(), r.position()), false);
		}
		if (node instanceof QueryNode.Hashtag h) {
			return caps.hashtags() && !h.prefix() ? of(h, true) : caps.words() && !h.prefix()
					? of(new QueryNode.Word(h.tag(), false, h.position()), false) : always(false);
		}
		if (node instanceof QueryNode.Mention m) {
			return caps.mentions() ? of(m, true) : always(false);
		}
		if (node instanceof QueryNode.Filter f) {
			return filter(f, caps, network);
		}
		if (node instanceof QueryNode.And a) {
			List<QueryNode> kept = new ArrayList<>();
			boolean exact = true;
			for (QueryNode c : a.clauses()) {
				Broadened b = rewrite(c, caps, network);
				exact &= b.exact();
				if (b.never()) {
					return never(exact);
				}
				if (b.node() != null) {
					kept.add(b.node());
				}
			}
			if (kept.isEmpty()) {
				return always(exact);
			}
			return of(kept.size() == 1 ? kept.get(0) : new QueryNode.And(kept, a.position()), exact);
		}
		if (node instanceof QueryNode.Or o) {
			List<QueryNode> kept = new ArrayList<>();
			boolean exact = true;
			for (QueryNode c : o.clauses()) {
				Broadened b = rewrite(c, caps, network);
				exact &= b.exact();
				if (b.always()) {
					return always(false);
				}
				if (b.node() != null) {
					kept.add(b.node());
				}
			}
			if (kept.isEmpty()) {
				return never(exact);
			}
			return of(kept.size() == 1 ? kept.get(0) : new QueryNode.Or(kept, o.position()), exact);
		}
		if (node instanceof QueryNode.Not n) {
			Broadened b = rewrite(n.clause(), caps, network);
			if (!b.exact()) {
				// Excluding a broader set would exclude too much: drop the exclusion instead.
				return always(false);
			}
			if (b.always()) {
				return never(true);
			}
			if (b.never()) {
				return always(true);
			}
			return caps.not() ? of(new QueryNode.Not(b.node(), n.position()), true) : always(false);
		}
		if (node instanceof QueryNode.Near near) {
			Broadened b = rewrite(new QueryNode.And(List.of(near.left(), near.right()), near.position()), caps, network);
			return new Broadened(b.node(), b.always(), b.never(), false);
		}
		throw new IllegalStateException("Unknown node " + node);
	}

	private static Broadened filter(QueryNode.Filter f, Capabilities caps, String network) {
		return switch (f.field()) {
			case "network" -> f.value().equals(network) ? always(true) : never(true);
			case "lang" -> caps.lang() ? of(f, true) : always(false);
			case "author" -> caps.authors() ? of(f, true) : always(false);
			case "has" -> (f.value().equals("link") ? caps.links() : caps.media()) ? of(f, true) : always(false);
			default -> always(false);
		};
	}

	private static QueryNode andOfWords(String text, int position) {
		List<QueryNode> words = new ArrayList<>();
		for (String w : text.trim().split("\\s+")) {
			if (!w.isEmpty()) {
				words.add(new QueryNode.Word(w, false, position));
			}
		}
		return words.size() == 1 ? words.get(0) : new QueryNode.And(words, position);
	}

	/**
	 * The node as an OR of ANDs of literals (leaves or negated leaves), at most {@code max}
	 * conjunctions; empty when there would be more.
	 */
	static List<List<QueryNode>> disjunctiveForm(QueryNode node, int max) {
		List<List<QueryNode>> out = dnf(node, max);
		return out == null ? List.of() : out;
	}

	private static @Nullable List<List<QueryNode>> dnf(QueryNode node, int max) {
		if (node instanceof QueryNode.Or o) {
			List<List<QueryNode>> all = new ArrayList<>();
			for (QueryNode c : o.clauses()) {
				List<List<QueryNode>> sub = dnf(c, max);
				if (sub == null) {
					return null;
				}
				all.addAll(sub);
				if (all.size() > max) {
					return null;
				}
			}
			return all;
		}
		if (node instanceof QueryNode.And a) {
			List<List<QueryNode>> acc = new ArrayList<>();
			acc.add(List.of());
			for (QueryNode c : a.clauses()) {
				List<List<QueryNode>> sub = dnf(c, max);
				if (sub == null) {
					return null;
				}
				List<List<QueryNode>> next = new ArrayList<>();
				for (List<QueryNode> left : acc) {
					for (List<QueryNode> right : sub) {
						List<QueryNode> both = new ArrayList<>(left);
						both.addAll(right);
						next.add(both);
						if (next.size() > max) {
							return null;
						}
					}
				}
				acc = next;
			}
			return acc;
		}
		List<List<QueryNode>> single = new ArrayList<>();
		single.add(List.of(node));
		return single;
	}
}
