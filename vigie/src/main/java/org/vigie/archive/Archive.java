package org.vigie.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import jakarta.annotation.PreDestroy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.vigie.storage.StorageSettings;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;

/**
 * The archive of every stored item, searchable in the listening query language or as free text.
 * Thread-safe. Searches see items indexed up to the moment they start; indexing is near real time
 * (an item is searchable as soon as {@link org.vigie.ingest.ItemsIngested} for it is handled).
 *
 * <p>The index lives in {@code <data>/index}; it is a cache of the {@code items} table and can be
 * rebuilt from it at any time ({@link #rebuild()}). After a crash, the items ingested since the last
 * commit are indexed again at start.
 */
@Service
public class Archive {

	private static final Logger log = LoggerFactory.getLogger(Archive.class);

	/** How results are ordered. */
	public enum Order {
		/** Newest first, by creation time. */
		NEWEST,
		/** Best match first (BM25), for free text. */
		RELEVANCE
	}

	private final LuceneArchive lucene;

	private final ItemRows rows;

	private final Shows shows;

	private final Clock clock;

	private final AtomicLong indexedThrough = new AtomicLong();

	private final AtomicBoolean rebuilding = new AtomicBoolean();

	private final ArchiveSettings settings;

	Archive(StorageSettings storage, ArchiveSettings settings, ItemRows rows, Shows shows, Clock clock) {
		this.settings = settings;
		this.rows = rows;
		this.shows = shows;
		this.clock = clock;
		Path dir = storage.dataDir().resolve("index");
		try {
			Files.createDirectories(dir);
			this.lucene = new LuceneArchive(FSDirectory.open(dir), settings.ramBufferMb());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot open the archive index in " + dir.toAbsolutePath(), e);
		}
	}

	/**
	 * Item ids matching {@code query} in {@code scope}.
	 * @param offset how many matches to skip (paging), ≥ 0
	 * @param limit the page size, 1–10,000
	 * @throws QuerySyntaxException if a {@code show:} value names no show
	 */
	public ArchivePage search(SearchQuery query, ArchiveScope scope, Order order, int offset, int limit) {
		if (offset < 0 || limit < 1 || limit > 10_000) {
			throw new IllegalArgumentException("offset must be ≥ 0 and limit 1–10,000");
		}
		return lucene.search(lucene(query), scope, order, offset, limit);
	}

	/**
	 * Free-text search, as typed in a search box: every word must appear, accents and case ignored.
	 * Text that parses as a listening query ({@code "phrase"}, {@code OR}, {@code #tag}, {@code lang:fr}…)
	 * is read as one; otherwise as plain words.
	 */
	public ArchivePage searchText(String text, ArchiveScope scope, Order order, int offset, int limit) {
		return search(leniently(text), scope, order, offset, limit);
	}

	/**
	 * Free text (read as {@link #searchText} does) restricted by {@code filter}, newest first, a batch
	 * at a time on the index as it is now. The caller closes the reading.
	 * @param filter a Lucene query the matches must also satisfy (not scored); null for none
	 */
	NewestMatches newestText(String text, @Nullable Query filter) {
		Query query = lucene(leniently(text));
		if (filter != null) {
			query = new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
		}
		return lucene.newest(query);
	}

	/** How many items match {@code query} in {@code scope}. */
	public long count(SearchQuery query, ArchiveScope scope) {
		return lucene.count(lucene(query), scope);
	}

	/**
	 * The preview of a query being written: matches over the last 7 and 30 days and the newest
	 * {@code samples} of them.
	 * @throws QuerySyntaxException if a {@code show:} value names no show
	 */
	public ArchivePreview preview(SearchQuery query, int samples) {
		return lucene.preview(lucene(query), clock.instant(), samples);
	}

	/**
	 * Volume per day, sentiment, networks, shows, top authors and hashtags of the items matching
	 * {@code query} in {@code scope}.
	 * @param top how many authors and hashtags to list
	 */
	public ArchiveStats stats(SearchQuery query, ArchiveScope scope, ZoneId zone, int top) {
		return lucene.stats(lucene(query), scope, zone, top, clock.instant());
	}

	/** The Lucene form of {@code query}, with {@code show:} resolved against the workspace's shows. */
	public Query lucene(SearchQuery query) {
		return query.toLucene(showResolver());
	}

	/**
	 * Resolves a {@code show:} value (slug, name or id, case and accents ignored) to the show's id;
	 * reads the shows once per call.
	 */
	public Function<String, Optional<String>> showResolver() {
		var all = shows.all();
		return value -> {
			String wanted = ItemAnalysis.keyword(value);
			return all.stream()
				.filter(s -> s.slug().equals(wanted) || ItemAnalysis.keyword(s.name()).equals(wanted)
						|| s.id().toString().equals(wanted) || s.slug().equals(wanted.replaceAll("[^a-z0-9]+", "-")))
				.map(Show::id)
				.map(Object::toString)
				.findFirst();
		};
	}

	/** Indexes (or re-indexes) items; searchable when this returns. */
	public void index(Collection<ArchivedItem> items) {
		lucene.index(items);
		indexedThrough.accumulateAndGet(clock.millis(), Math::max);
	}

	/**
	 * How many archived items hold {@code term}, as the archive indexes it ({@link ItemFields}): how
	 * common a word, prefix or hashtag is, for the listening matcher to index each query by its rarest
	 * terms.
	 */
	public int documentFrequency(Term term) {
		return lucene.documentFrequency(term);
	}

	/** Items in the index. */
	public long size() {
		return lucene.size();
	}

	/**
	 * Empties the index and indexes every stored item again, in this thread. Searches meanwhile see a
	 * partial archive.
	 * @return how many items were indexed
	 * @throws IllegalStateException if a rebuild is already running
	 */
	public long rebuild() {
		if (!rebuilding.compareAndSet(false, true)) {
			throw new IllegalStateException("archive.rebuild-running");
		}
		try {
			long started = clock.millis();
			long n = rebuild(lucene, rows, () -> indexedThrough.accumulateAndGet(started, Math::max));
			log.info("Archive rebuilt: {} items in {} ms", n, clock.millis() - started);
			return n;
		}
		finally {
			rebuilding.set(false);
		}
	}

	/**
	 * Empties {@code lucene} and indexes every row of {@code rows} again, then commits, noting as
	 * indexed-through what {@code through} answers (called once all rows are indexed).
	 */
	static long rebuild(LuceneArchive lucene, ItemRows rows, LongSupplier through) {
		lucene.deleteAll();
		AtomicLong n = new AtomicLong();
		rows.ingestedSince(Long.MIN_VALUE, 2_000, batch -> {
			// Made visible every 50,000 items rather than per batch: fewer, larger segments.
			lucene.add(batch, n.addAndGet(batch.size()) % 50_000 < batch.size());
		});
		lucene.add(List.of(), true);
		lucene.commit(through.getAsLong());
		return n.get();
	}

	/** At start: rebuild an empty index over a non-empty database, or catch up what a crash lost. */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		var through = lucene.indexedThrough();
		if (through.isEmpty() || lucene.size() == 0) {
			if (settings.rebuildIfEmpty() && rows.count() > 0) {
				rebuild();
			}
			return;
		}
		long since = through.getAsLong() - settings.commitEvery().toMillis() * 2 - 60_000;
		AtomicLong n = new AtomicLong();
		rows.ingestedSince(since, 2_000, batch -> {
			lucene.index(batch);
			n.addAndGet(batch.size());
		});
		if (n.get() > 0) {
			log.info("Archive caught up {} items ingested since the last commit", n.get());
		}
	}

	@Scheduled(fixedDelayString = "${vigie.archive.commit-every:5s}")
	void commit() {
		lucene.commit(Math.max(indexedThrough.get(), 1));
	}

	@PreDestroy
	void close() throws IOException {
		commit();
		lucene.close();
	}

	private static SearchQuery leniently(String text) {
		try {
			return SearchQuery.parse(text);
		}
		catch (QuerySyntaxException e) {
			return SearchQuery.freeText(text.toLowerCase(Locale.ROOT));
		}
	}
}
