package org.vigie.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.store.FSDirectory;

/**
 * An archive index in a folder, opened without the application: for tools and benchmarks that
 * build or query an index of their own with exactly the application's documents and queries.
 * {@code show:} filters resolve to the value as written. Thread-safe.
 */
public final class StandaloneArchive implements Closeable {

	private final LuceneArchive lucene;

	private StandaloneArchive(LuceneArchive lucene) {
		this.lucene = lucene;
	}

	/** Opens (or creates) the index in {@code dir}. */
	public static StandaloneArchive open(Path dir) throws IOException {
		Files.createDirectories(dir);
		return new StandaloneArchive(new LuceneArchive(FSDirectory.open(dir), 256));
	}

	/** Adds or replaces items; searchable after {@link #commit()}. */
	public void add(Collection<ArchivedItem> items) {
		lucene.add(items, false);
	}

	/** Makes what was added searchable and durable. */
	public void commit() {
		lucene.add(List.of(), true);
		lucene.commit(System.currentTimeMillis());
	}

	/** Items in the index. */
	public long size() {
		return lucene.size();
	}

	/** As {@link Archive#preview}. */
	public ArchivePreview preview(SearchQuery query, Instant now, int samples) {
		return lucene.preview(query.toLucene(), now, samples);
	}

	@Override
	public void close() throws IOException {
		lucene.close();
	}
}
