package org.vigie.listen;

import java.time.Duration;
import java.util.List;

import org.vigie.archive.QueryNode;
import org.vigie.shared.Network;

/**
 * Reddit search ({@code /search?q=}): words, "phrases", AND, OR, NOT, parentheses, author:; 512
 * characters. No hashtags or mentions (searched as words), no language or link filters.
 */
final class RedditSearchSyntax implements SearchSyntax {

	static final Broadened.Capabilities CAPS = new Broadened.Capabilities(true, true, true, true, false, false, true,
			false, false, false);

	@Override
	public Network network() {
		return Network.REDDIT;
	}

	@Override
	public Result translate(QueryNode root) {
		Broadened b = Broadened.rewrite(root, CAPS, Network.REDDIT.id());
		if (b.never()) {
			return Result.none("listen.search.other-network");
		}
		if (b.node() == null) {
			return Result.none("listen.search.nothing-to-search");
		}
		String q = SearchText.tree(b.node(), " AND ", " OR ", "NOT ", RedditSearchSyntax::leaf);
		if (q.length() > 512) {
			return Result.none("listen.search.too-long");
		}
		return new Result(List.of(q), b.exact(), b.exact() ? List.of() : List.of("listen.search.broader"));
	}

	private static String leaf(QueryNode node) {
		if (node instanceof QueryNode.Word w) {
			return SearchText.word(w.text());
		}
		if (node instanceof QueryNode.Phrase p) {
			return SearchText.quote(p.text());
		}
		if (node instanceof QueryNode.Filter f && f.field().equals("author")) {
			return "author:" + f.value();
		}
		throw new IllegalStateException("Reddit cannot search " + node);
	}

	@Override
	public Duration every(int searches) {
		// 100 requests a minute per OAuth client; searches share it with the account's own feeds.
		return Duration.ofSeconds(Math.max(120, searches * 6L));
	}
}
