package org.vigie.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.jspecify.annotations.Nullable;

/**
 * The matches of a query newest first, read a batch at a time on one searcher (the index as it was
 * when the reading opened), so that consecutive batches neither repeat nor skip a match. Each batch
 * is a top-n by creation time continuing after the previous one: Lucene skips the documents that
 * cannot compete using the creation time's points, so a batch costs about its size, not the number
 * of matches. Not thread-safe; close it to release the searcher.
 */
final class NewestMatches implements Closeable {

	private static final Sort NEWEST = new Sort(new SortField(ItemFields.CREATED_AT, SortField.Type.LONG, true));

	private static final Set<String> ID_ONLY = Set.of(ItemFields.ID);

	private final SearcherManager searchers;

	private final IndexSearcher searcher;

	private final Query query;

	private @Nullable FieldDoc after;

	private boolean exhausted;

	private boolean closed;

	NewestMatches(SearcherManager searchers, Query query) {
		this.searchers = searchers;
		this.query = query;
		try {
			this.searcher = searchers.acquire();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot search the archive", e);
		}
	}

	/** A match: the item's id and creation time (epoch milliseconds). */
	record Match(String id, long createdAt) {
	}

	/** The next at most {@code n} matches; fewer than {@code n} when there are no more. */
	List<Match> next(int n) {
		if (exhausted || closed) {
			return List.of();
		}
		try {
			TopFieldDocs top = searcher.searchAfter(after, query, n, NEWEST, false);
			StoredFields stored = searcher.storedFields();
			List<Match> out = new ArrayList<>(top.scoreDocs.length);
			for (ScoreDoc hit : top.scoreDocs) {
				FieldDoc doc = (FieldDoc) hit;
				out.add(new Match(stored.document(doc.doc, ID_ONLY).get(ItemFields.ID), (Long) doc.fields[0]));
			}
			if (top.scoreDocs.length < n) {
				exhausted = true;
			}
			else {
				after = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
			}
			return out;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot search the archive", e);
		}
	}

	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		try {
			searchers.release(searcher);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
