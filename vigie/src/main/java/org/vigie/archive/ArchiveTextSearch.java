package org.vigie.archive;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.vigie.inbox.TextSearch;
import org.vigie.shared.ItemId;

/**
 * The inbox's free-text search, answered by the archive: the text is read as a listening query when
 * it parses as one ({@code "phrase"}, {@code OR}, {@code #tag}, {@code lang:fr}…), else as plain words
 * that must all appear. Newest first.
 */
@Component
class ArchiveTextSearch implements TextSearch {

	private final Archive archive;

	ArchiveTextSearch(Archive archive) {
		this.archive = archive;
	}

	@Override
	public Optional<List<String>> search(String text, int limit) {
		if (archive.size() == 0) {
			return Optional.empty();
		}
		ArchivePage page = archive.searchText(text, ArchiveScope.ALL, Archive.Order.NEWEST, 0,
				Math.max(1, Math.min(limit, 10_000)));
		return Optional.of(page.ids().stream().map(ItemId::toString).toList());
	}
}
