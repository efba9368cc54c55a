package org.vigie.listen;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.ItemAnalysis;
import org.vigie.archive.ItemDocuments;
import org.vigie.archive.ItemFields;

/**
 * Every stored listening query in a Lucene {@link Monitor}, matched against pages of items.
 *
 * <p>A page is matched in two steps. Each item is analysed once into its own {@link MemoryIndex}
 * (only the fields and terms the registered queries read). The Monitor then selects, once for the
 * whole page, the candidate queries: its presearcher ({@link TermFilteredPresearcher}, each query
 * indexed by the terms of its most selective branch, facets such as {@code lang:fr} weighed low)
 * is run with a document holding the page's terms that some query uses. Each candidate is then run,
 * by this class's {@link CandidateMatcher}, on the memory index of every item holding one of the
 * terms the query needs (every item when the query also matches without any term), so an item
 * matches a query exactly when the query matches the item on its own. No index of the page is
 * written; the Monitor's query index is kept in one segment.
 *
 * <p>Thread-safe: queries may be added or removed while items are matched.
 */
public final class QueryMatcher implements Closeable {

	/** Presearcher weighting: facet fields match most items, so they are the worst choice. */
	static final TermWeightor WEIGHTOR = TermWeightor.combine(
			TermWeightor.fieldWeightor(0.01, Set.of(ItemFields.LANG, ItemFields.NETWORK, ItemFields.HAS,
					ItemFields.SENTIMENT, ItemFields.KIND, ItemFields.SHOW, ItemFields.ACCOUNT)),
			TermWeightor.DEFAULT);

	/** Pages larger than this are matched in several passes, to bound the memory of one pass. */
	static final int MAX_BATCH = 256;

	/** Field type of the page document: terms only. */
	private static final org.apache.lucene.document.FieldType TERMS_ONLY = TextField.TYPE_NOT_STORED;

	private static final IndexSearcher NO_DOCUMENTS = noDocuments();

	private final Monitor monitor;

	/** The fields, terms and prefixes each registered query reads. */
	private final Map<String, Reads> reads = new ConcurrentHashMap<>();

	/** How many registered queries read each field. */
	private final Map<String, Integer> fieldReaders = new HashMap<>();

	/** How many registered queries look for each prefix ({@code emiss} of {@code emiss*}). */
	private final Map<String, Integer> prefixReaders = new HashMap<>();

	/** How many registered queries use each term. */
	private final Map<Term, Integer> termReaders = new HashMap<>();

	/** How many registered queries look for terms of a field by pattern (a prefix query). */
	private final Map<String, Integer> patternReaders = new HashMap<>();

	/** What documents must carry, replaced as a whole when queries change. */
	private volatile Needs needs = Needs.NOTHING;

	/** Each candidate query (as the Monitor decomposed it), ready to run on an item; emptied when queries change. */
	private final Map<Query, Prepared> prepared = new ConcurrentHashMap<>();

	private record Reads(Set<String> fields, Set<String> prefixes, Set<Term> terms, Set<String> patterns) {
	}

	/**
	 * The fields read by at least one query, the prefixes looked for, the terms used per field, and
	 * the fields some query reads by pattern (whose terms are all kept).
	 */
	private record Needs(Set<String> fields, CharArraySet prefixes, Map<String, Set<BytesRef>> terms, Set<String> patterns) {

		static final Needs NOTHING = new Needs(Set.of(), CharArraySet.EMPTY_SET, Map.of(), Set.of());
	}

	/** A matcher with no queries, in memory. */
	public QueryMatcher() {
		try {
			this.monitor = new Monitor(ItemAnalysis.analyzer(), new TermFilteredPresearcher(WEIGHTOR, List.of(), Set.of()),
					new OneSegmentConfiguration());
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
		prepared.clear();
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
		prepared.clear();
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
		for (Term t : r.terms()) {
			termReaders.merge(t, delta, (a, b) -> a + b == 0 ? null : a + b);
		}
		for (String f : r.patterns()) {
			patternReaders.merge(f, delta, (a, b) -> a + b == 0 ? null : a + b);
		}
	}

	private void publish() {
		var prefixes = new CharArraySet(prefixReaders.keySet(), false);
		Map<String, Set<BytesRef>> terms = new HashMap<>();
		for (Term t : termReaders.keySet()) {
			terms.computeIfAbsent(t.field(), f -> new HashSet<>()).add(t.bytes());
		}
		needs = new Needs(Set.copyOf(fieldReaders.keySet()), CharArraySet.unmodifiableSet(prefixes), terms,
				Set.copyOf(patternReaders.keySet()));
	}

	/**
	 * The fields {@code query} reads, the terms it looks for in {@link ItemFields#TEXT_PREFIX}, every
	 * term it uses (negated ones included), and the fields it reads by pattern.
	 */
	private static Reads reads(Query query) {
		Set<String> fields = new HashSet<>();
		Set<String> prefixes = new HashSet<>();
		Set<Term> terms = new HashSet<>();
		Set<String> patterns = new HashSet<>();
		query.visit(new QueryVisitor() {
			@Override
			public boolean acceptField(String field) {
				fields.add(field);
				return true;
			}

			@Override
			public void consumeTerms(Query q, Term... ts) {
				for (Term t : ts) {
					fields.add(t.field());
					terms.add(new Term(t.field(), BytesRef.deepCopyOf(t.bytes())));
					if (t.field().equals(ItemFields.TEXT_PREFIX)) {
						prefixes.add(t.text());
					}
				}
			}

			@Override
			public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
				fields.add(field);
				patterns.add(field);
			}

			@Override
			public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
				return this;
			}
		});
		return new Reads(fields, prefixes, terms, patterns);
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
		return matchAll(List.of(item)).get(0);
	}

	/** The ids of the queries that match the document (built by {@link ItemDocuments#forMatching}). */
	public Set<String> match(Document doc) {
		return matchDocuments(List.of(doc), needs).get(0);
	}

	/**
	 * Matches several items at once, in passes of up to {@link #MAX_BATCH} items: the candidate
	 * queries are selected once for all the items of a pass, and each runs only on the items that
	 * hold a term it needs. The i-th set belongs to the i-th item.
	 */
	public List<Set<String>> matchAll(List<ArchivedItem> items) {
		Needs n = needs;
		List<Set<String>> out = new ArrayList<>(items.size());
		for (int from = 0; from < items.size(); from += MAX_BATCH) {
			List<ArchivedItem> page = items.subList(from, Math.min(items.size(), from + MAX_BATCH));
			List<Document> docs = new ArrayList<>(page.size());
			for (ArchivedItem item : page) {
				docs.add(ItemDocuments.forMatching(item, n.fields(), n.prefixes()));
			}
			out.addAll(matchDocuments(docs, n));
		}
		return out;
	}

	private List<Set<String>> matchDocuments(List<Document> docs, Needs n) {
		Page page = new Page(docs, n);
		try {
			monitor.match(page.document(), page);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return page.matches();
	}

	/**
	 * One page being matched: each item's memory index, and for each term some query uses, the
	 * items that hold it. It is also the {@link MatcherFactory} of the Monitor pass over the page.
	 */
	private final class Page implements MatcherFactory<QueryMatch> {

		private final int size;

		private final IndexSearcher[] items;

		/** Field → term → the items holding it; only terms some query uses, or all for pattern fields. */
		private final Map<String, Map<BytesRef, BitSet>> terms = new HashMap<>();

		private final List<Set<String>> matches;

		Page(List<Document> docs, Needs n) {
			this.size = docs.size();
			this.items = new IndexSearcher[size];
			this.matches = new ArrayList<>(size);
			try {
				for (int i = 0; i < size; i++) {
					MemoryIndex index = new MemoryIndex(false, false);
					for (var field : docs.get(i)) {
						index.addField(field, ItemAnalysis.analyzer());
					}
					index.freeze();
					items[i] = index.createSearcher();
					collectTerms(i, items[i].getIndexReader().leaves().get(0).reader(), n);
					matches.add(Set.of());
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		private void collectTerms(int item, LeafReader reader, Needs n) throws IOException {
			for (FieldInfo field : reader.getFieldInfos()) {
				boolean all = n.patterns().contains(field.name);
				Set<BytesRef> used = n.terms().get(field.name);
				if (!all && used == null) {
					continue;
				}
				Terms fieldTerms = reader.terms(field.name);
				if (fieldTerms == null) {
					continue;
				}
				Map<BytesRef, BitSet> byTerm = terms.computeIfAbsent(field.name, f -> new HashMap<>());
				TermsEnum te = fieldTerms.iterator();
				for (BytesRef term = te.next(); term != null; term = te.next()) {
					if (!all && !used.contains(term)) {
						continue;
					}
					BitSet holders = byTerm.get(term);
					if (holders == null) {
						holders = new BitSet(size);
						byTerm.put(BytesRef.deepCopyOf(term), holders);
					}
					holders.set(item);
				}
			}
		}

		/** The page as one document for the presearcher: every kept term of every item. */
		Document document() {
			Document doc = new Document();
			for (var field : terms.entrySet()) {
				doc.add(new Field(field.getKey(), new TermsStream(field.getValue().keySet()), TERMS_ONLY));
			}
			return doc;
		}

		List<Set<String>> matches() {
			return matches;
		}

		@Override
		public CandidateMatcher<QueryMatch> createMatcher(IndexSearcher pageSearcher) {
			return new CandidateMatcher<>(pageSearcher) {
				@Override
				protected void matchQuery(String queryId, Query query, Map<String, String> metadata) throws IOException {
					Prepared p = prepared.computeIfAbsent(query, Prepared::of);
					BitSet holders = p.holders(terms, size);
					for (int i = holders.nextSetBit(0); i >= 0; i = holders.nextSetBit(i + 1)) {
						if (!matches.get(i).contains(queryId) && p.matches(items[i])) {
							record(i, queryId);
						}
					}
				}

				@Override
				public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
					return match1;
				}
			};
		}

		private void record(int item, String queryId) {
			Set<String> found = matches.get(item);
			if (found.isEmpty()) {
				found = new HashSet<>();
				matches.set(item, found);
			}
			found.add(queryId);
		}
	}

	/**
	 * A candidate query ready to run on items: the terms one of which an item must hold for the query
	 * to match it (terms under a negation do not count), the patterns (prefix queries) likewise, or
	 * {@code anything} when the query may match an item without any of its terms (a match-all under
	 * an exclusion). Rewritten once when its rewriting does not depend on the item (no pattern).
	 */
	private record Prepared(Query query, Query rewritten, Term[] terms, List<Pattern> patterns, boolean anything) {

		private record Pattern(String field, Supplier<ByteRunAutomaton> automaton) {
		}

		static Prepared of(Query query) {
			List<Term> terms = new ArrayList<>();
			List<Pattern> patterns = new ArrayList<>();
			boolean[] anything = { false };
			query.visit(new QueryVisitor() {
				@Override
				public void consumeTerms(Query q, Term... ts) {
					terms.addAll(List.of(ts));
				}

				@Override
				public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
					patterns.add(new Pattern(field, automaton));
				}

				@Override
				public void visitLeaf(Query q) {
					anything[0] = true;
				}

				@Override
				public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
					return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
				}
			});
			Query rewritten = null;
			if (patterns.isEmpty() && !anything[0]) {
				try {
					rewritten = NO_DOCUMENTS.rewrite(query);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
			return new Prepared(query, rewritten, terms.toArray(Term[]::new), patterns, anything[0]);
		}

		/** The items of the page that hold a term or a pattern's term the query needs. */
		BitSet holders(Map<String, Map<BytesRef, BitSet>> page, int size) {
			BitSet out = new BitSet(size);
			if (anything) {
				out.set(0, size);
				return out;
			}
			for (Term t : terms) {
				Map<BytesRef, BitSet> byTerm = page.get(t.field());
				BitSet holders = byTerm == null ? null : byTerm.get(t.bytes());
				if (holders != null) {
					out.or(holders);
				}
			}
			for (Pattern p : patterns) {
				Map<BytesRef, BitSet> byTerm = page.get(p.field());
				if (byTerm == null) {
					continue;
				}
				ByteRunAutomaton automaton = p.automaton().get();
				for (var e : byTerm.entrySet()) {
					BytesRef t = e.getKey();
					if (automaton.run(t.bytes, t.offset, t.length)) {
						out.or(e.getValue());
					}
				}
			}
			return out;
		}

		/** Whether the query matches the one document of {@code item}. */
		boolean matches(IndexSearcher item) throws IOException {
			Query q = rewritten != null ? rewritten : item.rewrite(query);
			Weight weight = item.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
			Scorer scorer = weight.scorer(item.getIndexReader().leaves().get(0));
			if (scorer == null) {
				return false;
			}
			TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
			if (twoPhase == null) {
				return scorer.iterator().nextDoc() != DocIdSetIterator.NO_MORE_DOCS;
			}
			return twoPhase.approximation().nextDoc() != DocIdSetIterator.NO_MORE_DOCS && twoPhase.matches();
		}
	}

	/** A token stream of ready-made terms. */
	private static final class TermsStream extends TokenStream {

		private final Iterator<BytesRef> terms;

		private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);

		TermsStream(Collection<BytesRef> terms) {
			this.terms = terms.iterator();
		}

		@Override
		public boolean incrementToken() {
			if (!terms.hasNext()) {
				return false;
			}
			clearAttributes();
			term.setBytesRef(terms.next());
			return true;
		}
	}

	/**
	 * The Monitor's query index in one segment, merged in the thread that registers queries: every
	 * presearch pays its per-segment setup (terms dictionary, doc values of ids) once.
	 */
	private static final class OneSegmentConfiguration extends MonitorConfiguration {

		@Override
		protected IndexWriterConfig getIndexWriterConfig() {
			IndexWriterConfig config = super.getIndexWriterConfig();
			config.setMergePolicy(new OneSegment());
			config.setMergeScheduler(new SerialMergeScheduler());
			return config;
		}
	}

	/** Merges every segment into one. */
	private static final class OneSegment extends MergePolicy {

		@Override
		public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) {
			List<SegmentCommitInfo> free = new ArrayList<>();
			for (SegmentCommitInfo segment : infos) {
				if (!context.getMergingSegments().contains(segment)) {
					free.add(segment);
				}
			}
			if (free.size() < 2) {
				return null;
			}
			MergeSpecification spec = new MergeSpecification();
			spec.add(new OneMerge(free));
			return spec;
		}

		@Override
		public MergeSpecification findForcedMerges(SegmentInfos infos, int maxSegmentCount,
				Map<SegmentCommitInfo, Boolean> segmentsToMerge, MergeContext context) {
			return findMerges(MergeTrigger.EXPLICIT, infos, context);
		}

		@Override
		public MergeSpecification findForcedDeletesMerges(SegmentInfos infos, MergeContext context) {
			return findMerges(MergeTrigger.EXPLICIT, infos, context);
		}
	}

	private static IndexSearcher noDocuments() {
		try {
			return new IndexSearcher(new MultiReader());
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
