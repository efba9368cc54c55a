package org.vigie.listen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.vigie.archive.QueryNode;
import org.vigie.shared.Network;

/**
 * YouTube Data API {@code search.list}: words, "phrases", {@code -exclusion} and {@code |} between
 * alternatives, no grouping. Each search costs 100 of the 10,000 daily quota units, so a query is
 * one search, polled so that all YouTube searches together stay under 80 a day.
 */
final class YouTubeSearchSyntax implements SearchSyntax {

	static final int SEARCHES_PER_DAY = 80;

	static final Broadened.Capabilities CAPS = new Broadened.Capabilities(true, true, true, true, false, false, false,
			false, false, false);

	@Override
	public Network network() {
		return Network.YOUTUBE;
	}

	@Override
	public Result translate(QueryNode root) {
		Broadened b = Broadened.rewrite(root, CAPS, Network.YOUTUBE.id());
		if (b.never()) {
			return Result.none("listen.search.other-network");
		}
		if (b.node() == null) {
			return Result.none("listen.search.nothing-to-search");
		}
		List<List<QueryNode>> dnf = Broadened.disjunctiveForm(b.node(), 20);
		if (dnf.size() == 1) {
			return new Result(List.of(SearchText.conjunction(dnf.get(0), YouTubeSearchSyntax::leaf, "-")), b.exact(),
					b.exact() ? List.of() : List.of("listen.search.broader"));
		}
		// Alternatives: each one implies its first required word, so "first|first|…" is a superset.
		List<String> firsts = new ArrayList<>();
		boolean exact = b.exact() && !dnf.isEmpty();
		List<List<QueryNode>> alternatives = dnf.isEmpty() ? List.of(List.of(b.node())) : dnf;
		for (List<QueryNode> conjunct : alternatives) {
			QueryNode first = conjunct.stream().filter(n -> !(n instanceof QueryNode.Not) && !(n instanceof QueryNode.And)
					&& !(n instanceof QueryNode.Or)).findFirst().orElse(null);
			if (first == null) {
				return Result.none("listen.search.nothing-to-search");
			}
			exact &= conjunct.size() == 1;
			String s = leaf(first);
			if (!firsts.contains(s)) {
				firsts.add(s);
			}
		}
		return new Result(List.of(String.join("|", firsts)), exact, exact ? List.of() : List.of("listen.search.broader"));
	}

	private static String leaf(QueryNode node) {
		if (node instanceof QueryNode.Word w) {
			return SearchText.word(w.text());
		}
		if (node instanceof QueryNode.Phrase p) {
			return SearchText.quote(p.text());
		}
		throw new IllegalStateException("YouTube cannot search " + node);
	}

	@Override
	public Duration every(int searches) {
		return Duration.ofSeconds(Math.max(900, 86_400L * Math.max(1, searches) / SEARCHES_PER_DAY));
	}
}
