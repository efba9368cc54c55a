package org.vigie.archive;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.vigie.inbox.TextSearch;

/**
 * The inbox's free-text search, answered by the archive: the text is read as a listening query when
 * it parses as one ({@code "phrase"}, {@code OR}, {@code #tag}, {@code lang:fr}…), else as plain words
 * that must all appear. The inbox filters the archive also holds (show, account, network, kind,
 * language, sentiment, period) are applied in the index, so that only the filters the database alone
 * knows are left to the batches the inbox reads.
 */
@Component
class ArchiveTextSearch implements TextSearch {

	private final Archive archive;

	ArchiveTextSearch(Archive archive) {
		this.archive = archive;
	}

	@Override
	public Optional<Matches> newest(String text, Scope scope) {
		if (archive.size() == 0) {
			return Optional.empty();
		}
		NewestMatches reading = archive.newestText(text, filter(scope));
		return Optional.of(new Matches() {

			@Override
			public List<Hit> next(int n) {
				return reading.next(n).stream().map(m -> new Hit(m.id(), m.createdAt())).toList();
			}

			@Override
			public void close() {
				reading.close();
			}
		});
	}

	static @Nullable Query filter(Scope scope) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		boolean any = anyOf(b, ItemFields.SHOW, scope.shows());
		any |= anyOf(b, ItemFields.ACCOUNT, scope.accounts());
		any |= anyOf(b, ItemFields.NETWORK, scope.networks());
		any |= anyOf(b, ItemFields.KIND, scope.kinds());
		any |= anyOf(b, ItemFields.LANG, scope.langs());
		any |= anyOf(b, ItemFields.SENTIMENT, scope.sentiments());
		if (scope.from() != null || scope.through() != null) {
			long from = scope.from() == null ? Long.MIN_VALUE : scope.from().toEpochMilli();
			long through = scope.through() == null ? Long.MAX_VALUE : scope.through().toEpochMilli();
			b.add(LongPoint.newRangeQuery(ItemFields.CREATED_AT, from, through), Occur.FILTER);
			any = true;
		}
		return any ? b.build() : null;
	}

	private static boolean anyOf(BooleanQuery.Builder b, String field, Set<String> values) {
		if (values.isEmpty()) {
			return false;
		}
		if (values.size() == 1) {
			b.add(new TermQuery(new Term(field, values.iterator().next())), Occur.FILTER);
			return true;
		}
		BooleanQuery.Builder or = new BooleanQuery.Builder();
		for (String v : values) {
			or.add(new TermQuery(new Term(field, v)), Occur.SHOULD);
		}
		b.add(or.build(), Occur.FILTER);
		return true;
	}
}
