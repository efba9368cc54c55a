package org.vigie.listen;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.ItemAnalysis;
import org.vigie.archive.ItemDocuments;
import org.vigie.archive.ItemFields;

/**
 * Every stored listening query in a Lucene {@link Monitor}, matched against an item or a page of
 * items. The presearcher ({@link MultipassTermFilteredPresearcher}, two passes) indexes each query
 * by its two most selective words, and weighs facets such as {@code lang:fr} or {@code has:link}
 * low so that they never stand for a query: an item is only tested against the queries it could
 * satisfy on both passes (for {@code barthes quotidien}, items with both words), which halves the
 * candidates that the one-pass presearcher lets through. Thread-safe: queries may be added or
 * removed while items are matched.
 */
public final class QueryMatcher implements Closeable {

	/** Presearcher weighting: facet fields match most items, so they are the worst choice. */
	static final TermWeightor WEIGHTOR = TermWeightor.combine(
			TermWeightor.fieldWeightor(0.01, Set.of(ItemFields.LANG, ItemFields.NETWORK, ItemFields.HAS,
					ItemFields.SENTIMENT, ItemFields.KIND, ItemFields.SHOW, ItemFields.ACCOUNT)),
			TermWeightor.DEFAULT);

	/**
	 * Lucene Monitor's simple matcher, on a searcher without query cache: Monitor searches each
	 * page (or item) with a new, throwaway searcher, whose default cache would only add its
	 * bookkeeping to every candidate query.
	 */
	private static final MatcherFactory<QueryMatch> MATCHER = searcher -> {
		searcher.setQueryCache(null);
		return QueryMatch.SIMPLE_MATCHER.createMatcher(searcher);
	};

	/** Pages larger than this are matched in several passes, to bound the memory of one pass. */
	static final int MAX_BATCH = 256;

	private final Monitor monitor;

	/** The fields each registered query reads, and the prefixes it looks for. */
	private final java.util.Map<String, Reads> reads = new java.util.concurrent.ConcurrentHashMap<>();

	/** How many registered queries read each field. */
	private final java.util.Map<String, Integer> fieldReaders = new java.util.HashMap<>();

	/** How many registered queries look for each prefix ({@code emiss} of {@code emiss*}). */
	private final java.util.Map<String, Integer> prefixReaders = new java.util.HashMap<>();

	/** What documents must carry, replaced as a whole when queries change. */
	private volatile Needs needs = Needs.NOTHING;

	private record Reads(Set<String> fields, Set<String> prefixes) {
	}

	/** The fields read by at least one query, and the prefixes looked for. */
	private record Needs(Set<String> fields, org.apache.lucene.analysis.CharArraySet prefixes) {

		static final Needs NOTHING = new Needs(Set.of(), org.apache.lucene.analysis.CharArraySet.EMPTY_SET);
	}

	/** A matcher with no queries, in memory. */
	public QueryMatcher() {
		try {
			this.monitor = new Monitor(ItemAnalysis.analyzer(), new MultipassTermFilteredPresearcher(2, 0f, WEIGHTOR, List.of(), Set.of()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds or replaces queries, by id. */
	public void put(Collection<MonitorQuery> queries) {
		synchronized (fieldReaders) {
			// Documents carry what the new queries read before the queries are there.
			for (MonitorQuery q : queries) {
				Reads r = reads(q.getQuery());
				Reads old = reads.put(q.getId(), r);
				count(r, 1);
				if (old != null) {
					count(old, -1);
				}
			}
			publish();
		}
		try {
			monitor.register(queries);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds or replaces one query. */
	public void put(String id, Query query) {
		put(List.of(new MonitorQuery(id, query)));
	}

	/** Removes a query; nothing happens if it is unknown. */
	public void remove(String id) {
		try {
			monitor.deleteById(id);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		synchronized (fieldReaders) {
			Reads old = reads.remove(id);
			if (old != null) {
				count(old, -1);
				publish();
			}
		}
	}

	private void count(Reads r, int delta) {
		for (String f : r.fields()) {
			fieldReaders.merge(f, delta, (a, b) -> a + b == 0 ? null : a + b);
		}
		for (String p : r.prefixes()) {
			prefixReaders.merge(p, delta, (a, b) -> a + b == 0 ? null : a + b);
		}
	}

	private void publish() {
		var prefixes = new org.apache.lucene.analysis.CharArraySet(prefixReaders.keySet(), false);
		needs = new Needs(Set.copyOf(fieldReaders.keySet()), org.apache.lucene.analysis.CharArraySet.unmodifiableSet(prefixes));
	}

	/** The fields {@code query} reads, and the terms it looks for in {@link ItemFields#TEXT_PREFIX}. */
	private static Reads reads(Query query) {
		Set<String> fields = new java.util.HashSet<>();
		Set<String> prefixes = new java.util.HashSet<>();
		query.visit(new org.apache.lucene.search.QueryVisitor() {
			@Override
			public boolean acceptField(String field) {
				fields.add(field);
				return true;
			}

			@Override
			public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
				for (org.apache.lucene.index.Term t : terms) {
					fields.add(t.field());
					if (t.field().equals(ItemFields.TEXT_PREFIX)) {
						prefixes.add(t.text());
					}
				}
			}

			@Override
			public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur,
					Query parent) {
				return this;
			}
		});
		return new Reads(fields, prefixes);
	}

	/**
	 * The document for {@code item}, with only the fields the registered queries read, and in
	 * {@link ItemFields#TEXT_PREFIX} only the prefixes they look for (a word has up to 15 prefixes;
	 * a query set looks for a few hundred).
	 */
	public Document document(ArchivedItem item) {
		Needs n = needs;
		return ItemDocuments.forMatching(item, n.fields(), n.prefixes());
	}

	/** How many queries are registered. */
	public int size() {
		try {
			return monitor.getQueryCount();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The ids of the queries that match the item; empty when none does. */
	public Set<String> match(ArchivedItem item) {
		return match(document(item));
	}

	/** The ids of the queries that match the document (built by {@link ItemDocuments#forMatching}). */
	public Set<String> match(Document doc) {
		try {
			MatchingQueries<QueryMatch> matches = monitor.match(doc, MATCHER);
			if (matches.getMatchCount() == 0) {
				return Set.of();
			}
			Set<String> ids = new HashSet<>();
			for (QueryMatch m : matches.getMatches()) {
				ids.add(m.getQueryId());
			}
			return ids;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Matches several items at once, in passes of up to {@link #MAX_BATCH} items: Lucene Monitor
	 * indexes the page once and selects and runs the candidate queries once for all its items. The
	 * i-th set belongs to the i-th item.
	 */
	public List<Set<String>> matchAll(List<ArchivedItem> items) {
		List<Set<String>> out = new ArrayList<>(items.size());
		for (int from = 0; from < items.size(); from += MAX_BATCH) {
			List<ArchivedItem> page = items.subList(from, Math.min(items.size(), from + MAX_BATCH));
			if (page.size() == 1) {
				out.add(match(page.get(0)));
				continue;
			}
			try {
				Document[] docs = page.stream().map(this::document).toArray(Document[]::new);
				MultiMatchingQueries<QueryMatch> matches = monitor.match(docs, MATCHER);
				for (int i = 0; i < docs.length; i++) {
					Collection<QueryMatch> found = matches.getMatches(i);
					if (found.isEmpty()) {
						out.add(Set.of());
						continue;
					}
					Set<String> ids = new HashSet<>();
					for (QueryMatch m : found) {
						ids.add(m.getQueryId());
					}
					out.add(ids);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return out;
	}

	@Override
	public void close() throws IOException {
		monitor.close();
	}
}
