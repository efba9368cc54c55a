package org.vigie.listen;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.queries.spans.FieldMaskingSpanQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.PhraseQuery;
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
 * <p>A page is matched in three steps. Each item is analysed once, noting which items hold each
 * term some query uses (its tokens are kept). The Monitor then selects, once for the whole page,
 * the candidate queries: its presearcher ({@link TermFilteredPresearcher}, each query indexed by
 * the terms of its most selective branch, facets such as {@code lang:fr} weighed low) is run with
 * one document holding the page's noted terms. Each candidate is then decided for each item by
 * this class's {@link CandidateMatcher}: the Boolean structure over terms from the noted terms
 * (as Lucene would decide it on the item alone), and what depends on positions (phrases, NEAR)
 * or patterns by running the query on the memory index of the items that hold the terms it
 * needs, built from the kept tokens on first use. An item thus matches a query exactly when the
 * query matches the item on its own. No index of the page is written; the Monitor's query index
 * is kept in one segment.
 *
 * <p>Thread-safe: queries may be added or removed while items are matched.
 */
public final class QueryMatcher implements Closeable {

	/** Facet fields match most items, so they are the worst choice to index a query by. */
	static final TermWeightor FACETS_LAST = TermWeightor.fieldWeightor(0.01, Set.of(ItemFields.LANG, ItemFields.NETWORK,
			ItemFields.HAS, ItemFields.SENTIMENT, ItemFields.KIND, ItemFields.SHOW, ItemFields.ACCOUNT));

	/**
	 * Presearcher weighting: facets last, then the rarer a term is among archived items the better
	 * ({@code 1 / ln(2 + items holding it)}), then the longer the better (Lucene's default, which
	 * alone decides while the archive is empty).
	 */
	static TermWeightor weightor(ToIntFunction<Term> documentFrequency) {
		return TermWeightor.combine(FACETS_LAST, t -> 1 / Math.log(2 + Math.max(0, documentFrequency.applyAsInt(t))),
				TermWeightor.DEFAULT);
	}

	/** Pages larger than this are matched in several passes, to bound the memory of one pass. */
	static final int MAX_BATCH = 256;

	/** Field type of the page document: terms only. */
	private static final FieldType TERMS_ONLY = TextField.TYPE_NOT_STORED;

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

	/** How each candidate query (as the Monitor decomposed it) is decided; emptied when queries change. */
	private final Map<Identity, Plan> plans = new ConcurrentHashMap<>();

	private record Reads(Set<String> fields, Set<String> prefixes, Set<Term> terms, Set<String> patterns) {
	}

	/**
	 * The fields read by at least one query, the prefixes looked for, the terms used per field, and
	 * the fields some query reads by pattern (whose terms are all kept).
	 */
	private record Needs(Set<String> fields, CharArraySet prefixes, Map<String, Set<BytesRef>> terms, Set<String> patterns) {

		static final Needs NOTHING = new Needs(Set.of(), CharArraySet.EMPTY_SET, Map.of(), Set.of());
	}

	/** A matcher with no queries, in memory, that knows nothing of how common terms are. */
	public QueryMatcher() {
		this(t -> 0);
	}

	/**
	 * A matcher with no queries, in memory, that indexes each query by its rarest terms as
	 * {@code documentFrequency} tells (how many archived items hold a term; called when queries are
	 * added, from any thread). Which terms index a query only changes how many candidates run, never
	 * what matches.
	 */
	public QueryMatcher(ToIntFunction<Term> documentFrequency) {
		try {
			this.monitor = new Monitor(ItemAnalysis.analyzer(),
					new TermFilteredPresearcher(weightor(documentFrequency), List.of(), Set.of()), new OneSegmentConfiguration());
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
		plans.clear();
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
		plans.clear();
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
	 * One page being matched. Each item is analysed once: the terms some query uses are noted with
	 * the items that hold them, and its tokens are kept so that its memory index, needed only to run
	 * queries that depend on positions (phrases, proximity) or patterns, is built on first use without
	 * analysing it again. It is also the {@link MatcherFactory} of the Monitor pass over the page.
	 */
	private final class Page implements MatcherFactory<QueryMatch> {

		private final int size;

		private final Needs needs;

		/** Each item's fields, tokenized fields replaying their tokens. */
		private final List<List<IndexableField>> fields;

		/** Each item's memory index, once built. */
		private final IndexSearcher[] searchers;

		/** Field → term → the items holding it; only terms some query uses, or all for pattern fields. */
		private final Map<String, Map<BytesRef, BitSet>> terms = new HashMap<>();

		private final List<Set<String>> matches;

		private final BitSet everyItem;

		/** The items each query matched so far. */
		private final Map<String, BitSet> matchedBy = new HashMap<>();

		Page(List<Document> docs, Needs needs) {
			this.size = docs.size();
			this.needs = needs;
			this.fields = new ArrayList<>(size);
			this.searchers = new IndexSearcher[size];
			this.matches = new ArrayList<>(size);
			this.everyItem = new BitSet(size);
			everyItem.set(0, size);
			try {
				for (int i = 0; i < size; i++) {
					fields.add(analyse(i, docs.get(i)));
					matches.add(Set.of());
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		/** Notes the terms of the item that queries use; the fields to build its memory index from. */
		private List<IndexableField> analyse(int item, Document doc) throws IOException {
			List<IndexableField> replay = new ArrayList<>();
			for (IndexableField field : doc) {
				String name = field.name();
				boolean tokenized = field.fieldType().tokenized();
				try (TokenStream stream = field.tokenStream(ItemAnalysis.analyzer(), null)) {
					if (stream == null) {
						replay.add(field);
						continue;
					}
					boolean all = needs.patterns().contains(name);
					Set<BytesRef> used = needs.terms().get(name);
					Map<BytesRef, BitSet> byTerm = all || used != null ? terms.computeIfAbsent(name, f -> new HashMap<>()) : null;
					TermToBytesRefAttribute termAtt = stream.getAttribute(TermToBytesRefAttribute.class);
					PositionIncrementAttribute posAtt = stream.addAttribute(PositionIncrementAttribute.class);
					Tokens tokens = tokenized ? new Tokens() : null;
					stream.reset();
					while (stream.incrementToken()) {
						BytesRef term = termAtt.getBytesRef();
						if (tokens != null) {
							tokens.add(term, posAtt.getPositionIncrement());
						}
						if (byTerm != null && (all || used.contains(term))) {
							BitSet holders = byTerm.get(term);
							if (holders == null) {
								holders = new BitSet(size);
								byTerm.put(BytesRef.deepCopyOf(term), holders);
							}
							holders.set(item);
						}
					}
					stream.end();
					replay.add(tokens == null ? field : new Field(name, tokens.replay(), field.fieldType()));
				}
			}
			return replay;
		}

		/** The item's memory index, built on first use from its kept tokens. */
		IndexSearcher searcher(int item) {
			IndexSearcher searcher = searchers[item];
			if (searcher == null) {
				MemoryIndex index = new MemoryIndex(false, false);
				for (IndexableField field : fields.get(item)) {
					index.addField(field, ItemAnalysis.analyzer());
				}
				index.freeze();
				searcher = index.createSearcher();
				searchers[item] = searcher;
			}
			return searcher;
		}

		/** The items holding the term, or null if none does (or the page did not note it: see {@link #noted}). */
		@Nullable
		BitSet holders(String field, BytesRef term) {
			Map<BytesRef, BitSet> byTerm = terms.get(field);
			return byTerm == null ? null : byTerm.get(term);
		}

		/** Whether the page noted, for each item, whether it holds the term. */
		boolean noted(String field, BytesRef term) {
			if (needs.patterns().contains(field)) {
				return true;
			}
			Set<BytesRef> used = needs.terms().get(field);
			return used != null && used.contains(term);
		}

		/** The page as one document for the presearcher: every noted term of every item. */
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
					// Plans never change the set they are given. Another part of the same query
					// (the Monitor splits disjunctions) need not look again at the items it matched.
					BitSet already = matchedBy.get(queryId);
					BitSet within = everyItem;
					if (already != null) {
						within = (BitSet) everyItem.clone();
						within.andNot(already);
					}
					BitSet matching = plan(query).matching(Page.this, within);
					if (matching.isEmpty()) {
						return;
					}
					if (already == null) {
						matchedBy.put(queryId, matching);
					}
					else {
						already.or(matching);
					}
					for (int i = matching.nextSetBit(0); i >= 0; i = matching.nextSetBit(i + 1)) {
						record(i, queryId);
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

	/** The plan of a candidate query, made once per query object the Monitor hands over. */
	private Plan plan(Query query) {
		Plan p = plans.get(new Identity(query));
		if (p == null) {
			if (plans.size() > 4 * reads.size() + 10_000) {
				plans.clear();
			}
			p = Plan.of(query);
			plans.put(new Identity(query), p);
		}
		return p;
	}

	/** A query as a key by identity: the Monitor hands over the same objects until queries change. */
	private record Identity(Query query) {

		@Override
		public boolean equals(Object o) {
			return o instanceof Identity other && other.query == query;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(query);
		}
	}

	/**
	 * How a candidate query is decided for the items of a page. The Boolean structure over terms is
	 * decided from which items hold which terms, exactly as Lucene would on each item alone: a
	 * term query matches the items holding the term; a Boolean query with required clauses (MUST,
	 * FILTER) matches the items all of them match, one without the items optional clauses (SHOULD)
	 * match, minus in both cases the items a MUST_NOT clause matches; with no required nor optional
	 * clause, nothing. Anything else (phrases, spans, patterns) runs on the memory index of each item
	 * that holds one of the terms it needs.
	 */
	private sealed interface Plan permits TermPlan, AllPlan, NonePlan, AndPlan, OrPlan, RunPlan {

		/** The items of {@code within} that the query matches. */
		BitSet matching(Page page, BitSet within) throws IOException;

		/** Rough cost, to decide cheap clauses first. */
		int cost();

		static Plan of(Query query) {
			if (query instanceof TermQuery t) {
				return new TermPlan(t.getTerm().field(), BytesRef.deepCopyOf(t.getTerm().bytes()));
			}
			if (query instanceof BoostQuery b) {
				return of(b.getQuery());
			}
			if (query instanceof ConstantScoreQuery c) {
				return of(c.getQuery());
			}
			if (query instanceof MatchAllDocsQuery) {
				return new AllPlan();
			}
			if (query instanceof MatchNoDocsQuery) {
				return new NonePlan();
			}
			if (query instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0) {
				List<Plan> required = new ArrayList<>();
				List<Plan> optional = new ArrayList<>();
				List<Plan> prohibited = new ArrayList<>();
				for (BooleanClause c : b.clauses()) {
					switch (c.getOccur()) {
						case MUST, FILTER -> required.add(of(c.getQuery()));
						case SHOULD -> optional.add(of(c.getQuery()));
						case MUST_NOT -> prohibited.add(of(c.getQuery()));
					}
				}
				if (required.isEmpty() && optional.isEmpty()) {
					return new NonePlan();
				}
				if (required.isEmpty()) {
					required.add(optional.size() == 1 ? optional.get(0) : new OrPlan(sorted(optional)));
				}
				return new AndPlan(sorted(required), sorted(prohibited));
			}
			return RunPlan.of(query);
		}

		/**
		 * A condition every item the query matches meets, on terms only (a phrase needs all its
		 * words, a proximity all its sides), or null when there is none to tell.
		 */
		@Nullable
		static Plan necessary(Query query) {
			if (query instanceof PhraseQuery p && p.getTerms().length > 0) {
				List<Plan> all = new ArrayList<>();
				for (Term t : p.getTerms()) {
					all.add(new TermPlan(t.field(), BytesRef.deepCopyOf(t.bytes())));
				}
				return new AndPlan(all.toArray(Plan[]::new), new Plan[0]);
			}
			if (query instanceof SpanTermQuery t) {
				return new TermPlan(t.getTerm().field(), BytesRef.deepCopyOf(t.getTerm().bytes()));
			}
			if (query instanceof FieldMaskingSpanQuery m) {
				return necessary(m.getMaskedQuery());
			}
			if (query instanceof SpanNearQuery n) {
				List<Plan> all = new ArrayList<>();
				for (SpanQuery clause : n.getClauses()) {
					Plan c = necessary(clause);
					if (c != null) {
						all.add(c);
					}
				}
				return all.isEmpty() ? null : new AndPlan(sorted(all), new Plan[0]);
			}
			if (query instanceof SpanOrQuery o) {
				List<Plan> any = new ArrayList<>();
				for (SpanQuery clause : o.getClauses()) {
					Plan c = necessary(clause);
					if (c == null) {
						return null;
					}
					any.add(c);
				}
				return any.isEmpty() ? null : new OrPlan(sorted(any));
			}
			return null;
		}

		private static Plan[] sorted(List<Plan> plans) {
			return plans.stream().sorted(Comparator.comparingInt(Plan::cost)).toArray(Plan[]::new);
		}
	}

	private record TermPlan(String field, BytesRef term) implements Plan {

		@Override
		public BitSet matching(Page page, BitSet within) throws IOException {
			BitSet holders = page.holders(field, term);
			if (holders == null && page.noted(field, term)) {
				return new BitSet();
			}
			if (holders == null) {
				// A query registered after the page was analysed: ask each item.
				return RunPlan.of(new TermQuery(new Term(field, term))).matching(page, within);
			}
			BitSet out = (BitSet) within.clone();
			out.and(holders);
			return out;
		}

		@Override
		public int cost() {
			return 0;
		}
	}

	private record AllPlan() implements Plan {

		@Override
		public BitSet matching(Page page, BitSet within) {
			return (BitSet) within.clone();
		}

		@Override
		public int cost() {
			return 0;
		}
	}

	private record NonePlan() implements Plan {

		@Override
		public BitSet matching(Page page, BitSet within) {
			return new BitSet();
		}

		@Override
		public int cost() {
			return 0;
		}
	}

	private record AndPlan(Plan[] required, Plan[] prohibited) implements Plan {

		@Override
		public BitSet matching(Page page, BitSet within) throws IOException {
			BitSet out = within;
			for (Plan p : required) {
				out = p.matching(page, out);
				if (out.isEmpty()) {
					return out;
				}
			}
			for (Plan p : prohibited) {
				out.andNot(p.matching(page, out));
				if (out.isEmpty()) {
					return out;
				}
			}
			return out == within ? (BitSet) within.clone() : out;
		}

		@Override
		public int cost() {
			int cost = 1;
			for (Plan p : required) {
				cost = Math.max(cost, p.cost());
			}
			for (Plan p : prohibited) {
				cost = Math.max(cost, p.cost());
			}
			return cost;
		}
	}

	private record OrPlan(Plan[] any) implements Plan {

		@Override
		public BitSet matching(Page page, BitSet within) throws IOException {
			BitSet out = new BitSet();
			BitSet rest = (BitSet) within.clone();
			for (Plan p : any) {
				BitSet m = p.matching(page, rest);
				out.or(m);
				rest.andNot(m);
				if (rest.isEmpty()) {
					break;
				}
			}
			return out;
		}

		@Override
		public int cost() {
			int cost = 1;
			for (Plan p : any) {
				cost = Math.max(cost, p.cost());
			}
			return cost;
		}
	}

	/**
	 * A query run on each item's memory index, for the items that hold one of the terms it needs
	 * (terms under a negation do not count) or a term its patterns accept; on every item when it may
	 * match without any of its terms (a match-all under an exclusion). Rewritten once when its
	 * rewriting does not depend on the item (no pattern).
	 */
	private record RunPlan(Query query, @Nullable Query rewritten, @Nullable Plan necessary, Term[] terms, List<Pattern> patterns,
			boolean anything) implements Plan {

		private record Pattern(String field, Supplier<ByteRunAutomaton> automaton) {
		}

		static RunPlan of(Query query) {
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
			return new RunPlan(query, rewritten, Plan.necessary(query), terms.toArray(Term[]::new), patterns, anything[0]);
		}

		@Override
		public BitSet matching(Page page, BitSet within) throws IOException {
			BitSet out = necessary != null ? necessary.matching(page, within) : candidates(page, within);
			for (int i = out.nextSetBit(0); i >= 0; i = out.nextSetBit(i + 1)) {
				if (!matches(page.searcher(i))) {
					out.clear(i);
				}
			}
			return out;
		}

		/** The items of {@code within} that hold a term or a pattern's term the query needs. */
		private BitSet candidates(Page page, BitSet within) {
			if (anything) {
				return (BitSet) within.clone();
			}
			BitSet out = new BitSet();
			for (Term t : terms) {
				if (!page.noted(t.field(), t.bytes())) {
					return (BitSet) within.clone();
				}
				BitSet holders = page.holders(t.field(), t.bytes());
				if (holders != null) {
					out.or(holders);
				}
			}
			for (Pattern p : patterns) {
				if (!page.needs.patterns().contains(p.field())) {
					return (BitSet) within.clone();
				}
				Map<BytesRef, BitSet> byTerm = page.terms.get(p.field());
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
			out.and(within);
			return out;
		}

		/** Whether the query matches the one document of {@code item}. */
		private boolean matches(IndexSearcher item) throws IOException {
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

		@Override
		public int cost() {
			return 2;
		}
	}

	/** The tokens of one field of an item, kept to build its memory index without analysing it again. */
	private static final class Tokens {

		private final List<BytesRef> terms = new ArrayList<>();

		private final List<Integer> increments = new ArrayList<>();

		void add(BytesRef term, int increment) {
			terms.add(BytesRef.deepCopyOf(term));
			increments.add(increment);
		}

		Replay replay() {
			return new Replay(this);
		}
	}

	/** Replays kept tokens (terms and position increments). */
	private static final class Replay extends TokenStream {

		private final Tokens tokens;

		private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);

		private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

		private int next;

		Replay(Tokens tokens) {
			this.tokens = tokens;
		}

		@Override
		public boolean incrementToken() {
			if (next >= tokens.terms.size()) {
				return false;
			}
			clearAttributes();
			term.setBytesRef(tokens.terms.get(next));
			increment.setPositionIncrement(tokens.increments.get(next));
			next++;
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			next = 0;
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
