package org.vigie.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Free-text search over the archive of items, contributed by the module that keeps the archive.
 * The inbox reads the matches newest first, a batch at a time, and keeps those that also pass the
 * filters only the database knows (status, assignee, tags…), so that a first page never loads every
 * match. Thread-safe.
 */
public interface TextSearch {

	/**
	 * Opens a newest-first reading of the items matching {@code text} (the archive's analysis:
	 * accents, plurals, elisions) within {@code scope}. The reading sees the archive as it is now.
	 * @return empty when the archive cannot answer (not built yet): the inbox then searches the database
	 */
	Optional<Matches> newest(String text, Scope scope);

	/**
	 * What the archive may filter on itself. Every set empty means no restriction; several values of
	 * one set combine with OR. The archive may let through items the database then leaves out, never
	 * the reverse.
	 *
	 * @param shows show ids
	 * @param accounts account ids
	 * @param networks {@link org.vigie.shared.Network#id()}s
	 * @param kinds {@link org.vigie.shared.ItemKind#id()}s
	 * @param langs language codes
	 * @param sentiments {@code positive}, {@code neutral}, {@code negative}
	 * @param from created at or after; null for no bound
	 * @param through created at or before (inclusive); null for no bound
	 */
	record Scope(Set<String> shows, Set<String> accounts, Set<String> networks, Set<String> kinds, Set<String> langs,
			Set<String> sentiments, @Nullable Instant from, @Nullable Instant through) {

		public Scope {
			shows = Set.copyOf(shows);
			accounts = Set.copyOf(accounts);
			networks = Set.copyOf(networks);
			kinds = Set.copyOf(kinds);
			langs = Set.copyOf(langs);
			sentiments = Set.copyOf(sentiments);
		}
	}

	/** A matching item and its creation time (epoch milliseconds). */
	record Hit(String id, long createdAt) {
	}

	/** A reading in progress. Not thread-safe: one caller reads it, then closes it. */
	interface Matches extends AutoCloseable {

		/**
		 * The next matches, newest first (at most {@code n}), continuing where the previous call
		 * ended; fewer than {@code n} means there are no more.
		 */
		List<Hit> next(int n);

		/** Releases what the reading holds. */
		@Override
		void close();
	}
}
