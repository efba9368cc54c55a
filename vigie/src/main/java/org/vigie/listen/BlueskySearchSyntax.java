package org.vigie.listen;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vigie.archive.QueryNode;
import org.vigie.shared.Network;

/**
 * Bluesky {@code app.bsky.feed.searchPosts}: words, "phrases", #tag, {@code from:},
 * {@code mentions:}, {@code lang:} — all required together; no OR and no exclusion. A query with
 * ORs becomes one search per alternative (at most 5); exclusions are left to the local matcher.
 */
final class BlueskySearchSyntax implements SearchSyntax {

	static final int MAX_SEARCHES = 5;

	static final Broadened.Capabilities CAPS = new Broadened.Capabilities(true, true, true, false, true, true, true, true,
			false, false);

	@Override
	public Network network() {
		return Network.BLUESKY;
	}

	@Override
	public Result translate(QueryNode root) {
		Broadened b = Broadened.rewrite(root, CAPS, Network.BLUESKY.id());
		if (b.never()) {
			return Result.none("listen.search.other-network");
		}
		if (b.node() == null) {
			return Result.none("listen.search.nothing-to-search");
		}
		List<List<QueryNode>> dnf = Broadened.disjunctiveForm(b.node(), MAX_SEARCHES);
		if (dnf.isEmpty()) {
			return Result.none("listen.search.too-many-alternatives");
		}
		Set<String> searches = new LinkedHashSet<>();
		for (List<QueryNode> conjunct : dnf) {
			searches.add(SearchText.conjunction(conjunct, BlueskySearchSyntax::leaf, "-"));
		}
		boolean exact = b.exact() && dnf.size() == 1;
		return new Result(List.copyOf(searches), exact, exact ? List.of()
				: dnf.size() > 1 ? List.of("listen.search.split", "listen.search.broader") : List.of("listen.search.broader"));
	}

	private static String leaf(QueryNode node) {
		if (node instanceof QueryNode.Word w) {
			return SearchText.word(w.text());
		}
		if (node instanceof QueryNode.Phrase p) {
			return SearchText.quote(p.text());
		}
		if (node instanceof QueryNode.Hashtag h) {
			return "#" + h.tag();
		}
		if (node instanceof QueryNode.Mention m) {
			return "mentions:" + m.handle();
		}
		if (node instanceof QueryNode.Filter f) {
			return switch (f.field()) {
				case "author" -> "from:" + f.value();
				case "lang" -> "lang:" + f.value();
				default -> throw new IllegalStateException("Bluesky cannot search " + f.field());
			};
		}
		throw new IllegalStateException("Unexpected " + node);
	}

	@Override
	public Duration every(int searches) {
		// The AppView allows 3,000 requests per 5 minutes per IP; once a minute per search is gentle.
		return Duration.ofSeconds(60);
	}
}
