package org.vigie.listen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.vigie.archive.QueryNode;
import org.vigie.shared.Network;

/**
 * X API v2 recent search: words, "phrases", OR, -exclusion, parentheses, #hashtag, @mention,
 * from:, lang:, has:links, has:media; 512 characters per query (self-serve tiers). No proximity
 * and no wildcards: those are searched broader. A query too long is split on its top-level ORs.
 */
final class XSearchSyntax implements SearchSyntax {

	static final int MAX_LENGTH = 512;

	static final Broadened.Capabilities CAPS = new Broadened.Capabilities(true, true, true, true, true, true, true, true,
			true, true);

	@Override
	public Network network() {
		return Network.X;
	}

	@Override
	public Result translate(QueryNode root) {
		Broadened b = Broadened.rewrite(root, CAPS, Network.X.id());
		if (b.never()) {
			return Result.none("listen.search.other-network");
		}
		if (b.node() == null) {
			return Result.none("listen.search.nothing-to-search");
		}
		List<String> notes = b.exact() ? List.of() : List.of("listen.search.broader");
		String whole = render(b.node());
		if (whole.length() <= MAX_LENGTH) {
			return new Result(List.of(whole), b.exact(), notes);
		}
		if (b.node() instanceof QueryNode.Or or) {
			List<String> parts = new ArrayList<>();
			StringBuilder current = new StringBuilder();
			for (QueryNode c : or.clauses()) {
				String s = c instanceof QueryNode.And ? "(" + render(c) + ")" : render(c);
				if (s.length() > MAX_LENGTH) {
					return Result.none("listen.search.too-long");
				}
				if (current.length() > 0 && current.length() + 4 + s.length() > MAX_LENGTH) {
					parts.add(current.toString());
					current.setLength(0);
				}
				current.append(current.length() > 0 ? " OR " : "").append(s);
			}
			parts.add(current.toString());
			return new Result(parts, b.exact(), notes);
		}
		return Result.none("listen.search.too-long");
	}

	static String render(QueryNode node) {
		return SearchText.tree(node, " ", " OR ", "-", XSearchSyntax::leaf);
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
			return "@" + m.handle();
		}
		if (node instanceof QueryNode.Filter f) {
			return switch (f.field()) {
				case "author" -> "from:" + f.value();
				case "lang" -> "lang:" + f.value();
				case "has" -> f.value().equals("link") ? "has:links" : "has:media";
				default -> throw new IllegalStateException("X cannot search " + f.field());
			};
		}
		throw new IllegalStateException("Unexpected " + node);
	}

	@Override
	public Duration every(int searches) {
		// Recent search allows 60 requests per 15 minutes per user on the Basic tier; keep half for bursts.
		return Duration.ofSeconds(Math.max(60, searches * 30L));
	}
}
