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
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.ItemAnalysis;
import org.vigie.archive.ItemDocuments;
import org.vigie.archive.ItemFields;

/**
 * Every stored listening query in a Lucene {@link Monitor}, matched against one item at a time.
 * The presearcher indexes each query by its most selective word, and weighs facets such as
 * {@code lang:fr} or {@code has:link} low so that they never stand for a query: an item is only
 * tested against the queries one of its words could satisfy. Thread-safe: queries may be added or
 * removed while items are matched.
 */
public final class QueryMatcher implements Closeable {

	/** Presearcher weighting: facet fields match most items, so they are the worst choice. */
	static final TermWeightor WEIGHTOR = TermWeightor.combine(
			TermWeightor.fieldWeightor(0.01, Set.of(ItemFields.LANG, ItemFields.NETWORK, ItemFields.HAS,
					ItemFields.SENTIMENT, ItemFields.KIND, ItemFields.SHOW, ItemFields.ACCOUNT)),
			TermWeightor.DEFAULT);

	private final Monitor monitor;

	/** Which registered queries read the exact text or the prefixes, so documents carry those fields only when needed. */
	private final java.util.Map<String, Integer> needs = new java.util.concurrent.ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicInteger rawQueries = new java.util.concurrent.atomic.AtomicInteger();

	private final java.util.concurrent.atomic.AtomicInteger prefixQueries = new java.util.concurrent.atomic.AtomicInteger();

	/** A matcher with no queries, in memory. */
	public QueryMatcher() {
		try {
			this.monitor = new Monitor(ItemAnalysis.analyzer(), new TermFilteredPresearcher(WEIGHTOR, List.of(), Set.of()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds or replaces queries, by id. */
	public void put(Collection<MonitorQuery> queries) {
		try {
			monitor.register(queries);
			for (MonitorQuery q : queries) {
				forget(q.getId());
				int need = fields(q.getQuery());
				needs.put(q.getId(), need);
				if ((need & 1) != 0) {
					rawQueries.incrementAndGet();
				}
				if ((need & 2) != 0) {
					prefixQueries.incrementAndGet();
				}
			}
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
			forget(id);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void forget(String id) {
		Integer old = needs.remove(id);
		if (old != null && (old & 1) != 0) {
			rawQueries.decrementAndGet();
		}
		if (old != null && (old & 2) != 0) {
			prefixQueries.decrementAndGet();
		}
	}

	/** Bit 1: reads {@link ItemFields#TEXT_RAW}; bit 2: reads {@link ItemFields#TEXT_PREFIX} (or a prefix query). */
	private static int fields(Query query) {
		int[] need = { 0 };
		query.visit(new org.apache.lucene.search.QueryVisitor() {
			@Override
			public boolean acceptField(String field) {
				if (field.equals(ItemFields.TEXT_RAW)) {
					need[0] |= 1;
				}
				if (field.equals(ItemFields.TEXT_PREFIX)) {
					need[0] |= 2;
				}
				return true;
			}

			@Override
			public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur,
					Query parent) {
				if (parent instanceof org.apache.lucene.queries.spans.FieldMaskingSpanQuery) {
					need[0] |= 2;
				}
				return this;
			}
		});
		return need[0];
	}

	/** The document for {@code item}, with only the fields the registered queries read. */
	public Document document(ArchivedItem item) {
		return ItemDocuments.forMatching(item, rawQueries.get() > 0, prefixQueries.get() > 0);
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
			MatchingQueries<QueryMatch> matches = monitor.match(doc, QueryMatch.SIMPLE_MATCHER);
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

	/** Matches several items at once; the i-th set belongs to the i-th item. */
	public List<Set<String>> matchAll(List<ArchivedItem> items) {
		if (items.isEmpty()) {
			return List.of();
		}
		try {
			Document[] docs = items.stream().map(this::document).toArray(Document[]::new);
			MultiMatchingQueries<QueryMatch> matches = monitor.match(docs, QueryMatch.SIMPLE_MATCHER);
			List<Set<String>> out = new ArrayList<>(items.size());
			for (int i = 0; i < docs.length; i++) {
				Set<String> ids = new HashSet<>();
				for (QueryMatch m : matches.getMatches(i)) {
					ids.add(m.getQueryId());
				}
				out.add(ids);
			}
			return out;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() throws IOException {
		monitor.close();
	}
}
