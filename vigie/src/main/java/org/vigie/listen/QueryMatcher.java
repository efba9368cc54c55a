package org.vigie.listen;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.queries.spans.FieldMaskingSpanQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.jspecify.annotations.Nullable;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.ItemAnalysis;
import org.vigie.archive.ItemDocuments;
import org.vigie.archive.ItemFields;

/**
 * Every stored listening query, matched against pages of items with Lucene Monitor's
 * presearcher.
 *
 * <p>Queries are registered as Lucene Monitor registers them: split by its {@link QueryDecomposer}
 * (each branch of a top-level disjunction apart), and each part indexed by the terms Monitor's
 * {@link TermFilteredPresearcher} chooses for it ({@link TermFilteredPresearcher#indexQuery}: the
 * terms of its most selective branch, facets such as {@code lang:fr} weighed low, or "any token"
 * when it may match without any of its terms). That index is kept here in memory, term by term,
 * instead of in the Monitor's own Lucene index, which a presearch had to rewrite and read (doc
 * values, query cache) for every candidate: the candidates of a page are the same, for a fraction
 * of the work.
 *
 * <p>A page is matched in two steps. Each item is analysed once, noting which items hold each term
 * some query uses (its tokens are kept); the parts indexed by a noted term, and those indexed by
 * any token, are the page's candidates, as the Monitor's presearch of a document holding the
 * page's terms would select them. Each candidate is then decided for each item: the Boolean
 * structure over terms from the noted terms (as Lucene would decide it on the item alone), and
 * what depends on positions (phrases, NEAR) or patterns by running the query on the memory index
 * of the items that hold the terms it needs, built from the kept tokens on first use. An item thus
 * matches a query exactly when the query matches the item on its own.
 *
 * <p>Thread-safe: queries may be added or removed while items are matched; a page is matched
 * against the queries registered when it started.
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

	/** The field of the term by which the presearcher indexes a query that may match without any of its terms. */
	private static final String ANY_TOKEN_FIELD = TermFilteredPresearcher.ANYTOKEN_FIELD;

	private static final IndexSearcher NO_DOCUMENTS = noDocuments();

	private final TermFilteredPresearcher presearcher;

	/** How the Monitor splits a query into parts (its default). */
	private final QueryDecomposer decomposer = new QueryDecomposer();

	/** The registered queries by id, in registration order; guarded by itself, as are the counts below. */
	private final Map<String, Registered> queries = new LinkedHashMap<>();

	/** How many registered queries read each field. */
	private final Map<String, Integer> fieldReaders = new HashMap<>();

	/** How many registered queries look for each prefix ({@code emiss} of {@code emiss*}). */
	private final Map<String, Integer> prefixReaders = new HashMap<>();

	/** Each term some registered query uses, with how many queries use it. */
	private final Map<Term, Slot> slots = new HashMap<>();

	/** How many registered queries look for terms of a field by pattern (a prefix query). */
	private final Map<String, Integer> patternReaders = new HashMap<>();

	/** What pages are matched against, replaced as a whole when queries change. */
	private volatile Index index = Index.EMPTY;

	/** A registered query: what it reads, and its parts. */
	private record Registered(Reads reads, List<Part> parts) {
	}

	private record Reads(Set<String> fields, Set<String> prefixes, Set<Term> terms, Set<String> patterns) {
	}

	/**
	 * A part of a query as the Monitor decomposed it: how it is decided, and the terms the
	 * presearcher indexed it by (an any-token term if it may match without its terms).
	 */
	private record Part(String queryId, Plan plan, List<Term> indexedBy) {
	}

	/**
	 * A term some query uses, the same object as long as one does: what a page notes the holders
	 * of. Compared by identity.
	 */
	private static final class Slot {

		final Term term;

		int readers;

		Slot(Term term) {
			this.term = term;
		}
	}

	/** A term's slot and the parts (by number) the presearcher indexed by it. */
	private record Indexed(Slot slot, int[] parts) {
	}

	/**
	 * What pages are matched against: the fields read by at least one query, the prefixes looked
	 * for, each used term with the parts indexed by it (per field), the fields some query reads by
	 * pattern (whose terms are all kept), every part by number (the parts of one query follow each
	 * other), and the parts indexed by any token.
	 */
	private record Index(Set<String> fields, ItemAnalysis.Prefixes wanted,
			Map<String, Map<BytesRef, Indexed>> terms, Set<String> patterns, Part[] parts, int[] anyToken, int queries) {

		static final Index EMPTY = new Index(Set.of(), ItemAnalysis.Prefixes.NONE, Map.of(), Set.of(),
				new Part[0], new int[0], 0);

		/** Whether a query reads the item's text, as words or prefixes. */
		boolean readsText() {
			return fields.contains(ItemFields.TEXT) || fields.contains(ItemFields.TEXT_PREFIX);
		}

		/** The fields read other than the text's words and prefixes, which the matcher analyses itself. */
		Set<String> otherFields() {
			Set<String> other = new HashSet<>(fields);
			other.remove(ItemFields.TEXT);
			other.remove(ItemFields.TEXT_PREFIX);
			return other;
		}
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
		this.presearcher = new TermFilteredPresearcher(weightor(documentFrequency), List.of(), Set.of());
	}

	/** Adds or replaces queries, by id. */
	public void put(Collection<MonitorQuery> added) {
		// Analysed outside the lock: the presearcher may ask the archive how common terms are.
		Map<String, Reads> reads = new LinkedHashMap<>();
		Map<String, List<Map.Entry<Query, List<Term>>>> decomposed = new HashMap<>();
		for (MonitorQuery q : added) {
			reads.put(q.getId(), reads(q.getQuery()));
			List<Map.Entry<Query, List<Term>>> parts = new ArrayList<>();
			for (Query part : decomposer.decompose(q.getQuery())) {
				parts.add(Map.entry(part, indexedBy(presearcher.indexQuery(part, q.getMetadata()))));
			}
			decomposed.put(q.getId(), parts);
		}
		synchronized (queries) {
			for (var e : reads.entrySet()) {
				String id = e.getKey();
				count(e.getValue(), 1);
				List<Part> parts = new ArrayList<>();
				for (var part : decomposed.get(id)) {
					parts.add(new Part(id, Plan.of(part.getKey(), this::slot), part.getValue()));
				}
				Registered old = queries.remove(id);
				queries.put(id, new Registered(e.getValue(), parts));
				if (old != null) {
					count(old.reads(), -1);
				}
			}
			publish();
		}
	}

	/** Adds or replaces one query. */
	public void put(String id, Query query) {
		put(List.of(new MonitorQuery(id, query)));
	}

	/** Removes a query; nothing happens if it is unknown. */
	public void remove(String id) {
		synchronized (queries) {
			Registered old = queries.remove(id);
			if (old != null) {
				count(old.reads(), -1);
				publish();
			}
		}
	}

	/** The slot of a term a registered query reads. */
	private Slot slot(Term term) {
		return Objects.requireNonNull(slots.get(term), () -> "no query reads " + term);
	}

	/** The terms of the presearcher's document for a query part. */
	private static List<Term> indexedBy(Document doc) {
		List<Term> out = new ArrayList<>();
		for (IndexableField field : doc) {
			try (TokenStream stream = field.tokenStream(null, null)) {
				TermToBytesRefAttribute term = stream.addAttribute(TermToBytesRefAttribute.class);
				stream.reset();
				while (stream.incrementToken()) {
					out.add(new Term(field.name(), BytesRef.deepCopyOf(term.getBytesRef())));
				}
				stream.end();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return out;
	}

	private void count(Reads r, int delta) {
		for (String f : r.fields()) {
			fieldReaders.merge(f, delta, (a, b) -> a + b == 0 ? null : a + b);
		}
		for (String p : r.prefixes()) {
			prefixReaders.merge(p, delta, (a, b) -> a + b == 0 ? null : a + b);
		}
		for (Term t : r.terms()) {
			Slot slot = slots.computeIfAbsent(t, Slot::new);
			slot.readers += delta;
			if (slot.readers == 0) {
				slots.remove(t);
			}
		}
		for (String f : r.patterns()) {
			patternReaders.merge(f, delta, (a, b) -> a + b == 0 ? null : a + b);
		}
	}

	/** Makes the index of the registered queries the one pages are matched against. */
	private void publish() {
		List<Part> parts = new ArrayList<>();
		for (Registered r : queries.values()) {
			parts.addAll(r.parts());
		}
		Map<Slot, List<Integer>> bySlot = new HashMap<>();
		List<Integer> any = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			for (Term t : parts.get(i).indexedBy()) {
				Slot slot = t.field().equals(ANY_TOKEN_FIELD) ? null : slots.get(t);
				// A term no query reads is never noted: such a part is a candidate for every page.
				(slot == null ? any : bySlot.computeIfAbsent(slot, s -> new ArrayList<>())).add(i);
			}
		}
		Map<String, Map<BytesRef, Indexed>> terms = new HashMap<>();
		for (Slot slot : slots.values()) {
			List<Integer> indexed = bySlot.getOrDefault(slot, List.of());
			terms.computeIfAbsent(slot.term.field(), f -> new HashMap<>())
				.put(slot.term.bytes(), new Indexed(slot, indexed.stream().mapToInt(Integer::intValue).toArray()));
		}
		index = new Index(Set.copyOf(fieldReaders.keySet()),
				new ItemAnalysis.Prefixes(prefixReaders.keySet()), terms,
				Set.copyOf(patternReaders.keySet()), parts.toArray(Part[]::new),
				any.stream().mapToInt(Integer::intValue).distinct().toArray(), queries.size());
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
		Index ix = index;
		return ItemDocuments.forMatching(item, ix.fields(), ix.wanted());
	}

	/** How many queries are registered. */
	public int size() {
		return index.queries();
	}

	/** The ids of the queries that match the item; empty when none does. */
	public Set<String> match(ArchivedItem item) {
		return matchAll(List.of(item)).get(0);
	}

	/**
	 * Matches several items at once, in passes of up to {@link #MAX_BATCH} items: the candidate
	 * queries are selected once for all the items of a pass, and each runs only on the items that
	 * hold a term it needs. The i-th set belongs to the i-th item.
	 */
	public List<Set<String>> matchAll(List<ArchivedItem> items) {
		Index ix = index;
		// The text's words and prefixes are analysed together by the page, the rest as documents.
		boolean text = ix.readsText();
		Set<String> other = text ? ix.otherFields() : ix.fields();
		List<Set<String>> out = new ArrayList<>(items.size());
		for (int from = 0; from < items.size(); from += MAX_BATCH) {
			List<ArchivedItem> page = items.subList(from, Math.min(items.size(), from + MAX_BATCH));
			List<Document> docs = new ArrayList<>(page.size());
			List<String> texts = new ArrayList<>(page.size());
			for (ArchivedItem item : page) {
				docs.add(ItemDocuments.forMatching(item, other, null));
				texts.add(item.text());
			}
			out.addAll(matchDocuments(docs, text ? texts : null, ix));
		}
		return out;
	}

	private static List<Set<String>> matchDocuments(List<Document> docs, @Nullable List<String> texts, Index ix) {
		try {
			Page page = new Page(docs, texts, ix);
			page.decide();
			return page.matches;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What an item's memory index is built from: its untokenized fields as they are, its tokenized fields' tokens. */
	private record Kept(List<IndexableField> untokenized, List<KeptTokens> tokenized) {
	}

	private record KeptTokens(String field, IndexableFieldType type, Tokens tokens) {
	}

	/**
	 * One page being matched. Each item is analysed once: the terms some query uses are noted with
	 * the items that hold them, and its tokens are kept so that its memory index, needed only to run
	 * queries that depend on positions (phrases, proximity) or patterns, is built on first use without
	 * analysing it again. The parts indexed by a noted term are the page's candidates.
	 */
	private static final class Page {

		private final int size;

		private final Index index;

		/** What each item's memory index is built from. */
		private final List<Kept> kept;

		/** Each item's memory index, once built. */
		private final IndexSearcher[] searchers;

		/** The items holding each used term that some item holds. */
		private final Map<Slot, BitSet> holders = new HashMap<>();

		/** Field → each item's terms, for the fields some query reads by pattern. */
		private final Map<String, Tokens[]> patternTerms = new HashMap<>();

		/** The stream of the last untokenized field, reused. */
		private @Nullable TokenStream keywords;

		/** The candidate parts, by number. */
		private final BitSet candidates = new BitSet();

		private final List<Set<String>> matches;

		private final BitSet everyItem;

		Page(List<Document> docs, @Nullable List<String> texts, Index index) throws IOException {
			this.size = docs.size();
			this.index = index;
			this.kept = new ArrayList<>(size);
			this.searchers = new IndexSearcher[size];
			this.matches = new ArrayList<>(size);
			this.everyItem = new BitSet(size);
			everyItem.set(0, size);
			for (int i = 0; i < size; i++) {
				Kept k = new Kept(new ArrayList<>(), new ArrayList<>());
				if (texts != null) {
					analyseText(i, texts.get(i), k);
				}
				analyse(i, docs.get(i), k);
				kept.add(k);
				matches.add(Set.of());
			}
			if (size > 0) {
				for (int p : index.anyToken()) {
					candidates.set(p);
				}
			}
		}

		/**
		 * Notes the words and the wanted prefixes of the item's text that queries use, from one
		 * analysis of the text; keeps them for its memory index.
		 */
		private void analyseText(int item, String text, Kept k) throws IOException {
			boolean words = index.fields().contains(ItemFields.TEXT);
			boolean prefixes = index.fields().contains(ItemFields.TEXT_PREFIX);
			Map<BytesRef, Indexed> usedWords = index.terms().get(ItemFields.TEXT);
			Map<BytesRef, Indexed> usedPrefixes = index.terms().get(ItemFields.TEXT_PREFIX);
			Tokens wordTokens = words ? new Tokens() : null;
			Tokens prefixTokens = prefixes ? new Tokens() : null;
			var analysis = ItemAnalysis.textAndPrefixes(text, prefixes ? index.wanted() : ItemAnalysis.Prefixes.NONE);
			try (TokenStream stream = analysis.stream()) {
				TermToBytesRefAttribute termAtt = stream.getAttribute(TermToBytesRefAttribute.class);
				PositionIncrementAttribute posAtt = stream.addAttribute(PositionIncrementAttribute.class);
				// Positions of words that gave no prefix, carried to the next prefix given.
				int skipped = 0;
				stream.reset();
				while (stream.incrementToken()) {
					int increment = posAtt.getPositionIncrement();
					if (prefixTokens != null) {
						skipped += increment;
						int count = analysis.prefixCount();
						for (int p = 0; p < count; p++) {
							BytesRef prefix = analysis.prefix(p);
							prefixTokens.add(prefix, p == 0 ? skipped : 0);
							note(usedPrefixes, prefix, item);
						}
						if (count > 0) {
							skipped = 0;
						}
					}
					if (wordTokens != null) {
						BytesRef term = termAtt.getBytesRef();
						wordTokens.add(term, increment);
						note(usedWords, term, item);
					}
				}
				stream.end();
			}
			keep(item, ItemFields.TEXT, TextField.TYPE_NOT_STORED, wordTokens, k);
			keep(item, ItemFields.TEXT_PREFIX, TextField.TYPE_NOT_STORED, prefixTokens, k);
		}

		/** Keeps a tokenized field's tokens for the item's memory index, and for the patterns that read the field. */
		private void keep(int item, String field, IndexableFieldType type, @Nullable Tokens tokens, Kept k) {
			if (tokens == null) {
				return;
			}
			k.tokenized().add(new KeptTokens(field, type, tokens));
			if (index.patterns().contains(field)) {
				patternTermsOf(field)[item] = tokens;
			}
		}

		private Tokens[] patternTermsOf(String field) {
			return patternTerms.computeIfAbsent(field, f -> new Tokens[size]);
		}

		/** Notes the terms of the item's fields that queries use; keeps the fields for its memory index. */
		private void analyse(int item, Document doc, Kept k) throws IOException {
			for (IndexableField field : doc) {
				String name = field.name();
				boolean tokenized = field.fieldType().tokenized();
				TokenStream stream = field.tokenStream(ItemAnalysis.analyzer(), tokenized ? null : keywords);
				if (stream == null) {
					k.untokenized().add(field);
					continue;
				}
				if (!tokenized) {
					keywords = stream;
				}
				try (stream) {
					Map<BytesRef, Indexed> used = index.terms().get(name);
					Tokens pattern = null;
					if (!tokenized && index.patterns().contains(name)) {
						Tokens[] byItem = patternTermsOf(name);
						if (byItem[item] == null) {
							byItem[item] = new Tokens();
						}
						pattern = byItem[item];
					}
					TermToBytesRefAttribute termAtt = stream.getAttribute(TermToBytesRefAttribute.class);
					PositionIncrementAttribute posAtt = stream.addAttribute(PositionIncrementAttribute.class);
					Tokens tokens = tokenized ? new Tokens() : null;
					stream.reset();
					while (stream.incrementToken()) {
						BytesRef term = termAtt.getBytesRef();
						if (tokens != null) {
							tokens.add(term, posAtt.getPositionIncrement());
						}
						if (pattern != null) {
							pattern.add(term, 0);
						}
						note(used, term, item);
					}
					stream.end();
					if (tokens != null) {
						keep(item, name, field.fieldType(), tokens, k);
					}
					else {
						k.untokenized().add(field);
					}
				}
			}
		}

		/** Notes that the item holds the term if some query uses it. */
		private void note(@Nullable Map<BytesRef, Indexed> used, BytesRef term, int item) {
			if (used != null) {
				Indexed indexed = used.get(term);
				if (indexed != null) {
					note(indexed, item);
				}
			}
		}

		/** Notes that the item holds the term; the parts indexed by it become candidates. */
		private void note(Indexed indexed, int item) {
			BitSet holding = holders.get(indexed.slot());
			if (holding == null) {
				holding = new BitSet(size);
				holders.put(indexed.slot(), holding);
				for (int p : indexed.parts()) {
					candidates.set(p);
				}
			}
			holding.set(item);
		}

		/** Decides each candidate part for the items of the page. */
		void decide() throws IOException {
			String query = null;
			// The items the current query matched so far: another part of the same query need not
			// look at them again. Plans never change the set they are given.
			BitSet matched = null;
			for (int p = candidates.nextSetBit(0); p >= 0; p = candidates.nextSetBit(p + 1)) {
				Part part = index.parts()[p];
				if (!part.queryId().equals(query)) {
					query = part.queryId();
					matched = null;
				}
				BitSet within = everyItem;
				if (matched != null) {
					within = (BitSet) everyItem.clone();
					within.andNot(matched);
					if (within.isEmpty()) {
						continue;
					}
				}
				BitSet matching = part.plan().matching(this, within);
				if (matching.isEmpty()) {
					continue;
				}
				if (matched == null) {
					matched = matching;
				}
				else {
					matched.or(matching);
				}
				for (int i = matching.nextSetBit(0); i >= 0; i = matching.nextSetBit(i + 1)) {
					record(i, query);
				}
			}
		}

		/** The item's memory index, built on first use from its kept tokens. */
		IndexSearcher searcher(int item) {
			IndexSearcher searcher = searchers[item];
			if (searcher == null) {
				MemoryIndex index = new MemoryIndex(false, false);
				Kept k = kept.get(item);
				for (IndexableField field : k.untokenized()) {
					index.addField(field, ItemAnalysis.analyzer());
				}
				for (KeptTokens t : k.tokenized()) {
					index.addField(new Field(t.field(), t.tokens().replay(), t.type()), ItemAnalysis.analyzer());
				}
				index.freeze();
				searcher = index.createSearcher();
				searchers[item] = searcher;
			}
			return searcher;
		}

		/** The kept tokens of the item's tokenized field, or null if it was not kept as tokens (or has several values). */
		@Nullable
		Tokens tokens(int item, String field) {
			Tokens found = null;
			for (KeptTokens t : kept.get(item).tokenized()) {
				if (t.field().equals(field)) {
					if (found != null) {
						return null;
					}
					found = t.tokens();
				}
			}
			return found;
		}

		/** The items holding the term, or null if none does. */
		@Nullable
		BitSet holders(Slot slot) {
			return holders.get(slot);
		}

		/** Each item's terms of a field some query reads by pattern (null for an item without it); null if no item has it. */
		Tokens @Nullable [] patternTerms(String field) {
			return patternTerms.get(field);
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
	 * How a candidate query is decided for the items of a page. The Boolean structure over terms is
	 * decided from which items hold which terms, exactly as Lucene would on each item alone: a
	 * term query matches the items holding the term; a Boolean query with required clauses (MUST,
	 * FILTER) matches the items all of them match, one without the items optional clauses (SHOULD)
	 * match, minus in both cases the items a MUST_NOT clause matches; with no required nor optional
	 * clause, nothing. Anything else (phrases, spans, patterns) runs on the memory index of each item
	 * that holds one of the terms it needs.
	 */
	private sealed interface Plan permits TermPlan, AllPlan, NonePlan, AndPlan, OrPlan, PhrasePlan, RunPlan {

		/** The items of {@code within} that the query matches. */
		BitSet matching(Page page, BitSet within) throws IOException;

		/** Rough cost, to decide cheap clauses first. */
		int cost();

		/** The plan of a query whose terms all have a slot in {@code slots}. */
		static Plan of(Query query, Function<Term, Slot> slots) {
			if (query instanceof TermQuery t) {
				return new TermPlan(slots.apply(t.getTerm()));
			}
			if (query instanceof BoostQuery b) {
				return of(b.getQuery(), slots);
			}
			if (query instanceof ConstantScoreQuery c) {
				return of(c.getQuery(), slots);
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
						case MUST, FILTER -> required.add(of(c.getQuery(), slots));
						case SHOULD -> optional.add(of(c.getQuery(), slots));
						case MUST_NOT -> prohibited.add(of(c.getQuery(), slots));
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
			if (query instanceof PhraseQuery p && p.getSlop() == 0 && p.getTerms().length > 1) {
				return PhrasePlan.of(p, slots);
			}
			return RunPlan.of(query, slots);
		}

		/**
		 * A condition every item the query matches meets, on terms only (a phrase needs all its
		 * words, a proximity all its sides), or null when there is none to tell.
		 */
		@Nullable
		static Plan necessary(Query query, Function<Term, Slot> slots) {
			if (query instanceof PhraseQuery p && p.getTerms().length > 0) {
				List<Plan> all = new ArrayList<>();
				for (Term t : p.getTerms()) {
					all.add(new TermPlan(slots.apply(t)));
				}
				return new AndPlan(all.toArray(Plan[]::new), new Plan[0]);
			}
			if (query instanceof SpanTermQuery t) {
				return new TermPlan(slots.apply(t.getTerm()));
			}
			if (query instanceof FieldMaskingSpanQuery m) {
				return necessary(m.getMaskedQuery(), slots);
			}
			if (query instanceof SpanNearQuery n) {
				List<Plan> all = new ArrayList<>();
				for (SpanQuery clause : n.getClauses()) {
					Plan c = necessary(clause, slots);
					if (c != null) {
						all.add(c);
					}
				}
				return all.isEmpty() ? null : new AndPlan(sorted(all), new Plan[0]);
			}
			if (query instanceof SpanOrQuery o) {
				List<Plan> any = new ArrayList<>();
				for (SpanQuery clause : o.getClauses()) {
					Plan c = necessary(clause, slots);
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

	private record TermPlan(Slot slot) implements Plan {

		@Override
		public BitSet matching(Page page, BitSet within) {
			BitSet holders = page.holders(slot);
			if (holders == null) {
				return new BitSet();
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
	 * An exact phrase, decided on the kept tokens of the items that hold all its words: one of
	 * them holds each word at the phrase's position from the first (as Lucene's exact phrase
	 * matcher); run on the memory index of an item whose field was not kept as tokens.
	 */
	private record PhrasePlan(String field, BytesRef[] terms, int[] positions, Plan necessary, RunPlan run) implements Plan {

		static PhrasePlan of(PhraseQuery p, Function<Term, Slot> slots) {
			Term[] terms = p.getTerms();
			return new PhrasePlan(p.getField(), Arrays.stream(terms).map(t -> BytesRef.deepCopyOf(t.bytes())).toArray(BytesRef[]::new),
					p.getPositions().clone(), Objects.requireNonNull(Plan.necessary(p, slots)), RunPlan.of(p, slots));
		}

		@Override
		public BitSet matching(Page page, BitSet within) throws IOException {
			BitSet out = necessary.matching(page, within);
			for (int i = out.nextSetBit(0); i >= 0; i = out.nextSetBit(i + 1)) {
				Tokens tokens = page.tokens(i, field);
				boolean matches = tokens != null ? tokens.hasPhrase(terms, positions) : run.matches(page.searcher(i));
				if (!matches) {
					out.clear(i);
				}
			}
			return out;
		}

		@Override
		public int cost() {
			return 2;
		}
	}

	/**
	 * A query run on each item's memory index, for the items that hold one of the terms it needs
	 * (terms under a negation do not count) or a term its patterns accept; on every item when it may
	 * match without any of its terms (a match-all under an exclusion). Rewritten once when its
	 * rewriting does not depend on the item (no pattern).
	 */
	private record RunPlan(Query query, @Nullable Query rewritten, @Nullable Plan necessary, Slot[] terms, List<Pattern> patterns,
			boolean anything) implements Plan {

		private record Pattern(String field, Supplier<ByteRunAutomaton> automaton) {
		}

		static RunPlan of(Query query, Function<Term, Slot> slots) {
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
			return new RunPlan(query, rewritten, Plan.necessary(query, slots), terms.stream().map(slots).toArray(Slot[]::new),
					patterns, anything[0]);
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
			for (Slot t : terms) {
				BitSet holders = page.holders(t);
				if (holders != null) {
					out.or(holders);
				}
			}
			for (Pattern p : patterns) {
				Tokens[] byItem = page.patternTerms(p.field());
				if (byItem == null) {
					continue;
				}
				ByteRunAutomaton automaton = p.automaton().get();
				for (int i = within.nextSetBit(0); i >= 0; i = within.nextSetBit(i + 1)) {
					if (byItem[i] != null && !out.get(i) && byItem[i].any(automaton)) {
						out.set(i);
					}
				}
			}
			out.and(within);
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

		@Override
		public int cost() {
			return 2;
		}
	}

	/** The tokens of one field of an item, kept to build its memory index without analysing it again. */
	private static final class Tokens {

		/** The terms' bytes one after the other; term k starts at {@code starts[k]}. */
		private byte[] bytes = new byte[128];

		private int length;

		private int[] starts = new int[16];

		private int[] increments = new int[16];

		private int count;

		void add(BytesRef term, int increment) {
			if (length + term.length > bytes.length) {
				bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + term.length));
			}
			if (count == starts.length) {
				starts = Arrays.copyOf(starts, 2 * count);
				increments = Arrays.copyOf(increments, 2 * count);
			}
			System.arraycopy(term.bytes, term.offset, bytes, length, term.length);
			starts[count] = length;
			increments[count] = increment;
			length += term.length;
			count++;
		}

		private int end(int k) {
			return k + 1 < count ? starts[k + 1] : length;
		}

		/**
		 * Whether the tokens hold each of {@code terms} at its position in {@code positions} from
		 * some position, positions counted as an index counts them (the increments summed).
		 */
		boolean hasPhrase(BytesRef[] terms, int[] positions) {
			int[] at = new int[count];
			int pos = -1;
			for (int k = 0; k < count; k++) {
				pos += increments[k];
				at[k] = pos;
			}
			for (int k = 0; k < count; k++) {
				if (!holds(k, terms[0])) {
					continue;
				}
				int start = at[k] - positions[0];
				boolean all = true;
				for (int j = 1; j < terms.length && all; j++) {
					all = false;
					int want = start + positions[j];
					for (int m = 0; m < count; m++) {
						if (at[m] == want && holds(m, terms[j])) {
							all = true;
							break;
						}
					}
				}
				if (all) {
					return true;
				}
			}
			return false;
		}

		private boolean holds(int k, BytesRef term) {
			return Arrays.equals(bytes, starts[k], end(k), term.bytes, term.offset, term.offset + term.length);
		}

		/** Whether the automaton accepts one of the terms. */
		boolean any(ByteRunAutomaton automaton) {
			for (int k = 0; k < count; k++) {
				if (automaton.run(bytes, starts[k], end(k) - starts[k])) {
					return true;
				}
			}
			return false;
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

		private final BytesRef scratch = new BytesRef();

		private int next;

		Replay(Tokens tokens) {
			this.tokens = tokens;
		}

		@Override
		public boolean incrementToken() {
			if (next >= tokens.count) {
				return false;
			}
			clearAttributes();
			scratch.bytes = tokens.bytes;
			scratch.offset = tokens.starts[next];
			scratch.length = tokens.end(next) - scratch.offset;
			term.setBytesRef(scratch);
			increment.setPositionIncrement(tokens.increments[next]);
			next++;
			return true;
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			next = 0;
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

	/** Nothing to release: the queries are in memory. */
	@Override
	public void close() {
	}
}
