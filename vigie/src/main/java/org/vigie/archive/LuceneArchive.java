package org.vigie.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.vigie.shared.ItemId;
import org.vigie.shared.ShowId;

/**
 * The Lucene side of the archive, without Spring: one writer, near-real-time searchers refreshed
 * after each batch. Thread-safe: any thread may index and search at once.
 */
final class LuceneArchive implements Closeable {

	static final String INDEXED_THROUGH = "vigie.indexed_through";

	private static final Sort NEWEST = new Sort(new SortField(ItemFields.CREATED_AT, SortField.Type.LONG, true));

	private final IndexWriter writer;

	private final SearcherManager searchers;

	LuceneArchive(Directory directory, int ramBufferMb) {
		try {
			IndexWriterConfig config = new IndexWriterConfig(ItemAnalysis.analyzer())
				.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
				.setRAMBufferSizeMB(ramBufferMb)
				.setCommitOnClose(true);
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot open the archive index", e);
		}
	}

	/** Adds or replaces items (by id), visible to searches when this returns. */
	void index(Collection<ArchivedItem> items) {
		if (!items.isEmpty()) {
			add(items, true);
		}
	}

	/** Adds or replaces items (by id); visible to searches once a call with {@code refresh} returns. */
	void add(Collection<ArchivedItem> items, boolean refresh) {
		try {
			for (ArchivedItem item : items) {
				writer.updateDocument(new Term(ItemFields.ID, item.id().toString()), ItemDocuments.forArchive(item));
			}
			if (refresh) {
				searchers.maybeRefreshBlocking();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot index " + items.size() + " items", e);
		}
	}

	void deleteAll() {
		try {
			writer.deleteAll();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Makes everything indexed so far durable, noting up to when the database was indexed. */
	void commit(long indexedThrough) {
		try {
			if (writer.hasUncommittedChanges()) {
				writer.setLiveCommitData(Map.of(INDEXED_THROUGH, Long.toString(indexedThrough)).entrySet());
				writer.commit();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot commit the archive index", e);
		}
	}

	/** The {@link #INDEXED_THROUGH} of the last commit, if any. */
	OptionalLong indexedThrough() {
		try {
			if (writer.getDirectory().listAll().length == 0 || !DirectoryReader.indexExists(writer.getDirectory())) {
				return OptionalLong.empty();
			}
			for (var e : writer.getLiveCommitData()) {
				if (e.getKey().equals(INDEXED_THROUGH)) {
					return OptionalLong.of(Long.parseLong(e.getValue()));
				}
			}
			return OptionalLong.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	long size() {
		return withSearcher(s -> (long) s.getIndexReader().numDocs());
	}

	ArchivePage search(Query query, ArchiveScope scope, Archive.Order order, int offset, int limit) {
		Query scoped = scoped(query, scope);
		return withSearcher(s -> {
			int wanted = Math.max(1, offset + limit);
			TopDocs top = order == Archive.Order.NEWEST ? s.search(scoped, wanted, NEWEST) : s.search(scoped, wanted);
			List<ItemId> ids = new ArrayList<>();
			var stored = s.storedFields();
			for (int i = offset; i < top.scoreDocs.length; i++) {
				ScoreDoc hit = top.scoreDocs[i];
				ids.add(ItemId.of(stored.document(hit.doc).get(ItemFields.ID)));
			}
			long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO
					? top.totalHits.value : s.count(scoped);
			return new ArchivePage(ids, total);
		});
	}

	/** A newest-first reading of {@code query}'s matches on the index as it is now; the caller closes it. */
	NewestMatches newest(Query query) {
		return new NewestMatches(searchers, query);
	}

	/**
	 * Counts of {@code query}'s matches over the 7 and 30 days before {@code now} and the newest
	 * {@code samples} of them: two counts from the postings (no document is read) and one top-n by
	 * creation time, which skips what cannot compete; only the samples' ids are read.
	 */
	ArchivePreview preview(Query query, Instant now, int samples) {
		Query month = scoped(query, ArchiveScope.since(now.minus(Duration.ofDays(30))));
		Query week = scoped(query, ArchiveScope.since(now.minus(Duration.ofDays(7))));
		return withSearcher(s -> {
			List<ItemId> ids = new ArrayList<>();
			if (samples > 0) {
				var stored = s.storedFields();
				for (ScoreDoc hit : s.search(month, samples, NEWEST).scoreDocs) {
					ids.add(ItemId.of(stored.document(hit.doc, Set.of(ItemFields.ID)).get(ItemFields.ID)));
				}
			}
			return new ArchivePreview(s.count(week), s.count(month), ids);
		});
	}

	/** How many indexed items hold {@code term}. */
	int documentFrequency(Term term) {
		return withSearcher(s -> s.getIndexReader().docFreq(term));
	}

	long count(Query query, ArchiveScope scope) {
		Query scoped = scoped(query, scope);
		return withSearcher(s -> (long) s.count(scoped));
	}

	ArchiveStats stats(Query query, ArchiveScope scope, ZoneId zone, int top, Instant now) {
		Query scoped = scoped(query, scope);
		return withSearcher(s -> {
			StatsCollector collector = new StatsCollector(zone);
			s.search(scoped, collector);
			return collector.result(scope, zone, top, now);
		});
	}

	static Query scoped(Query query, ArchiveScope scope) {
		if (scope.from() == null && scope.to() == null && scope.shows().isEmpty()) {
			return query;
		}
		BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
		if (scope.from() != null || scope.to() != null) {
			long from = scope.from() == null ? Long.MIN_VALUE : scope.from().toEpochMilli();
			long to = scope.to() == null ? Long.MAX_VALUE : scope.to().toEpochMilli() - 1;
			b.add(LongPoint.newRangeQuery(ItemFields.CREATED_AT, from, to), Occur.FILTER);
		}
		if (!scope.shows().isEmpty()) {
			BooleanQuery.Builder shows = new BooleanQuery.Builder();
			for (ShowId show : scope.shows()) {
				shows.add(new TermQuery(new Term(ItemFields.SHOW, show.toString())), Occur.SHOULD);
			}
			b.add(shows.build(), Occur.FILTER);
		}
		return b.build();
	}

	private <T> T withSearcher(IoFunction<IndexSearcher, T> work) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return work.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot search the archive", e);
		}
	}

	@Override
	public void close() throws IOException {
		searchers.close();
		writer.close();
	}

	@FunctionalInterface
	private interface IoFunction<A, B> {
		B apply(A a) throws IOException;
	}

	/** Counts matching documents by day, sentiment, network, show, author and hashtag from doc values. */
	private static final class StatsCollector extends SimpleCollector {

		private final ZoneId zone;

		private final Map<LocalDate, Long> perDay = new HashMap<>();

		private final Map<String, Long> sentiment = new HashMap<>();

		private final Map<String, Long> networks = new HashMap<>();

		private final Map<String, Long> shows = new HashMap<>();

		private final Map<String, Long> authors = new HashMap<>();

		private final Map<String, Long> hashtags = new HashMap<>();

		private long total;

		private NumericDocValues created;

		private SortedDocValues sentimentValues;

		private SortedDocValues networkValues;

		private SortedDocValues showValues;

		private SortedDocValues authorValues;

		private SortedSetDocValues hashtagValues;

		StatsCollector(ZoneId zone) {
			this.zone = zone;
		}

		@Override
		protected void doSetNextReader(LeafReaderContext context) throws IOException {
			var reader = context.reader();
			created = reader.getNumericDocValues(ItemFields.CREATED_AT);
			sentimentValues = reader.getSortedDocValues(ItemFields.SENTIMENT + ItemDocuments.DV);
			networkValues = reader.getSortedDocValues(ItemFields.NETWORK + ItemDocuments.DV);
			showValues = reader.getSortedDocValues(ItemFields.SHOW + ItemDocuments.DV);
			authorValues = reader.getSortedDocValues(ItemDocuments.AUTHOR_LABEL);
			hashtagValues = reader.getSortedSetDocValues(ItemFields.HASHTAG + ItemDocuments.DV);
		}

		@Override
		public void collect(int doc) throws IOException {
			total++;
			if (created != null && created.advanceExact(doc)) {
				LocalDate day = Instant.ofEpochMilli(created.longValue()).atZone(zone).toLocalDate();
				perDay.merge(day, 1L, Long::sum);
			}
			count(sentimentValues, doc, sentiment);
			count(networkValues, doc, networks);
			count(showValues, doc, shows);
			count(authorValues, doc, authors);
			if (hashtagValues != null && hashtagValues.advanceExact(doc)) {
				for (int i = 0; i < hashtagValues.docValueCount(); i++) {
					BytesRef tag = hashtagValues.lookupOrd(hashtagValues.nextOrd());
					hashtags.merge(ItemAnalysis.keyword(tag.utf8ToString()), 1L, Long::sum);
				}
			}
		}

		private static void count(SortedDocValues values, int doc, Map<String, Long> into) throws IOException {
			if (values != null && values.advanceExact(doc)) {
				into.merge(values.lookupOrd(values.ordValue()).utf8ToString(), 1L, Long::sum);
			}
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}

		ArchiveStats result(ArchiveScope scope, ZoneId zone, int top, Instant now) {
			TreeMap<LocalDate, Long> days = new TreeMap<>(perDay);
			if (scope.from() != null) {
				LocalDate first = scope.from().atZone(zone).toLocalDate();
				LocalDate last = (scope.to() == null ? now : scope.to().minusMillis(1)).atZone(zone).toLocalDate();
				for (LocalDate d = first; !d.isAfter(last) && days.size() < 400; d = d.plusDays(1)) {
					days.putIfAbsent(d, 0L);
				}
			}
			return new ArchiveStats(total, days, sentiment, networks, shows, top(authors, top), top(hashtags, top));
		}

		private static List<ArchiveStats.Count> top(Map<String, Long> counts, int n) {
			return counts.entrySet().stream()
				.filter(e -> !e.getKey().isEmpty())
				.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
				.limit(n)
				.map(e -> new ArchiveStats.Count(e.getKey(), e.getValue()))
				.toList();
		}
	}
}
