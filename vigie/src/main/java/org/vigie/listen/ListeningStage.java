package org.vigie.listen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.vigie.archive.ArchivedItem;
import org.vigie.ingest.IncomingItem;
import org.vigie.ingest.ItemStage;
import org.vigie.shared.ItemKind;
import org.vigie.shared.ShowId;

/**
 * Matches every incoming item against the enabled listening queries (after enrichment, so that
 * {@code lang:}, {@code sentiment:} and hashtags are known) and records their ids in
 * {@code Annotations.matchedQueries}. A listening hit found by a search gets the show of the
 * query that matched it, unless it already belongs to one of the matching queries' shows.
 */
@Component
class ListeningStage implements ItemStage {

	private final LiveMatcher matcher;

	ListeningStage(LiveMatcher matcher) {
		this.matcher = matcher;
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public String name() {
		return "listen";
	}

	@Override
	public IncomingItem apply(IncomingItem item) {
		return annotate(item, matcher.match(ArchivedItem.of(item)));
	}

	/** A page of items matched in one pass of the matcher. */
	@Override
	public List<IncomingItem> applyAll(List<IncomingItem> items) {
		List<Set<String>> ids = matcher.matchAll(items.stream().map(ArchivedItem::of).toList());
		List<IncomingItem> out = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			out.add(annotate(items.get(i), ids.get(i)));
		}
		return out;
	}

	private IncomingItem annotate(IncomingItem item, Set<String> ids) {
		IncomingItem matched = item.withAnnotations(item.annotations().withMatchedQueries(ids));
		if (ids.isEmpty() || item.kind() != ItemKind.LISTENING_HIT) {
			return matched;
		}
		boolean ownShow = item.show() != null
				&& ids.stream().anyMatch(id -> matcher.showOf(id).filter(item.show()::equals).isPresent());
		if (ownShow) {
			return matched;
		}
		ShowId show = ids.stream().sorted().map(matcher::showOf).flatMap(java.util.Optional::stream).findFirst().orElse(null);
		if (show == null) {
			return matched;
		}
		return new IncomingItem(matched.id(), matched.network(), matched.externalId(), matched.kind(), matched.workspace(),
				show, matched.account(), matched.author(), matched.text(), matched.url(), matched.createdAt(),
				matched.parentExternalId(), matched.conversationExternalId(), matched.fromUs(), matched.replyToUs(),
				matched.raw(), matched.annotations());
	}
}
