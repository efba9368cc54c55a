package org.vigie.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.jspecify.annotations.Nullable;

/**
 * The matches of a query newest first, read a batch at a time on one searcher (the index as it was
 * when the reading opened), so that consecutive batches neither repeat nor skip a match.
 *
 * <p>Items are indexed roughly in the order they were created, so a plain top-n by creation time
 * finds each newer match more competitive than the last and collects nearly every match. Instead,
 * each batch searches a window of time ending where the previous batch ended, sized from the
 * matches' density (their count over the archive's time span, when Lucene knows it cheaply) and
 * widened fourfold until it holds the batch: a batch then costs about its own size.
 * Not thread-safe; close it to release the searcher.
 */
final class NewestMatches implements Closeable {

	private static final Sort NEWEST = new Sort(new SortField(ItemFields.CREATED_AT, SortField.Type.LONG, true));

	private static final Set<String> ID_ONLY = Set.of(ItemFields.ID);

	private final SearcherManager searchers;

	private final IndexSearcher searcher;

	private final Query query;

	private @Nullable FieldDoc after;

	private boolean exhausted;

	/** The oldest creation time in the archive. */
	private final long oldest;

	/** The newest creation time a match of the next batch may have (inclusive). */
	private long upper;

	/** The expected span of time of one document (ms), from the matches' density. */
	private double spanPerMatch;

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
		try {
			long min = Long.MAX_VALUE;
			long max = Long.MIN_VALUE;
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				PointValues points = leaf.reader().getPointValues(ItemFields.CREATED_AT);
				if (points != null && points.size() > 0) {
					min = Math.min(min, LongPoint.decodeDimension(points.getMinPackedValue(), 0));
					max = Math.max(max, LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
				}
			}
			this.oldest = min;
			this.upper = max;
			long matches = cheapCount();
			this.exhausted = min > max || matches == 0;
			double span = Math.max(1.0, (double) max - min + 1);
			int docs = Math.max(1, searcher.getIndexReader().numDocs());
			// Unknown count: assume one document in eight matches; the window widens if fewer do.
			this.spanPerMatch = matches > 0 ? span / matches : span * 8 / docs;
		}
		catch (IOException | RuntimeException e) {
			close();
			throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
		}
	}

	/** How many documents match, when every segment can tell without searching; -1 otherwise. */
	private long cheapCount() throws IOException {
		Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
		long total = 0;
		for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
			int count = weight.count(leaf);
			if (count < 0) {
				return -1;
			}
			total += count;
		}
		return total;
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
			double width = Math.max(1_000, spanPerMatch * n * 2);
			TopFieldDocs top;
			while (true) {
				long from = width >= (double) upper - oldest ? oldest : upper - (long) width;
				Query window = new IndexOrDocValuesQuery(LongPoint.newRangeQuery(ItemFields.CREATED_AT, from, upper),
						NumericDocValuesField.newSlowRangeQuery(ItemFields.CREATED_AT, from, upper));
				Query windowed = new BooleanQuery.Builder().add(query, Occur.MUST).add(window, Occur.FILTER).build();
				top = searcher.searchAfter(after, windowed, n, NEWEST, false);
				if (top.scoreDocs.length >= n || from == oldest) {
					break;
				}
				width *= 4;
			}
			StoredFields stored = searcher.storedFields();
			// Stored fields are read in compressed blocks: in document order, each block is decompressed once.
			Integer[] byDoc = new Integer[top.scoreDocs.length];
			for (int i = 0; i < byDoc.length; i++) {
				byDoc[i] = i;
			}
			ScoreDoc[] hits = top.scoreDocs;
			Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc));
			String[] ids = new String[hits.length];
			for (int i : byDoc) {
				ids[i] = stored.document(hits[i].doc, ID_ONLY).get(ItemFields.ID);
			}
			List<Match> out = new ArrayList<>(hits.length);
			for (int i = 0; i < hits.length; i++) {
				out.add(new Match(ids[i], (Long) ((FieldDoc) hits[i]).fields[0]));
			}
			if (top.scoreDocs.length < n) {
				exhausted = true;
			}
			else {
				after = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
				long last = (Long) after.fields[0];
				// The next batch is expected as dense as this one was.
				spanPerMatch = Math.max(1.0, (double) upper - last) / n;
				upper = last;
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
