package org.vigie.listen;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vigie.archive.QueryNode;
import org.vigie.shared.Network;

/**
 * Networks that search by hashtag only: Mastodon's hashtag timelines
 * ({@code /api/v1/timelines/tag/:hashtag}; full-text search is opt-in per post and not usable for
 * listening) and Instagram's hashtag search (30 distinct hashtags per account per 7 days, checked by
 * {@link NetworkSearches}). Each alternative of the query that requires a hashtag becomes that
 * hashtag's timeline, written {@code #tag}; the rest of the query is applied locally.
 */
final class HashtagSearchSyntax implements SearchSyntax {

	static final Broadened.Capabilities CAPS = new Broadened.Capabilities(false, false, true, false, true, false, false,
			false, false, false);

	private final Network network;

	private final int maxSearches;

	HashtagSearchSyntax(Network network, int maxSearches) {
		this.network = network;
		this.maxSearches = maxSearches;
	}

	@Override
	public Network network() {
		return network;
	}

	@Override
	public Result translate(QueryNode root) {
		Broadened b = Broadened.rewrite(root, CAPS, network.id());
		if (b.never()) {
			return Result.none("listen.search.other-network");
		}
		if (b.node() == null) {
			return Result.none("listen.search.hashtags-only");
		}
		List<List<QueryNode>> dnf = Broadened.disjunctiveForm(b.node(), maxSearches);
		if (dnf.isEmpty()) {
			return Result.none("listen.search.too-many-alternatives");
		}
		Set<String> tags = new LinkedHashSet<>();
		boolean exact = b.exact();
		for (List<QueryNode> conjunct : dnf) {
			String tag = conjunct.stream()
				.filter(QueryNode.Hashtag.class::isInstance)
				.map(n -> "#" + ((QueryNode.Hashtag) n).tag())
				.findFirst()
				.orElse(null);
			if (tag == null) {
				return Result.none("listen.search.hashtags-only");
			}
			exact &= conjunct.size() == 1;
			tags.add(tag);
		}
		return new Result(List.copyOf(tags), exact, exact ? List.of() : List.of("listen.search.broader"));
	}

	@Override
	public Duration every(int searches) {
		return Duration.ofSeconds(network == Network.INSTAGRAM ? 600 : 60);
	}
}
