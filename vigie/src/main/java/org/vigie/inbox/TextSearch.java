package org.vigie.inbox;

import java.util.List;
import java.util.Optional;

/**
 * Free-text search over the archive of items, contributed by the module that keeps the archive.
 * Thread-safe.
 */
public interface TextSearch {

	/**
	 * The ids of items matching {@code text} (the archive's analysis: accents, plurals, elisions), most
	 * recent first, at most {@code limit}.
	 * @return empty when the archive cannot answer (not built yet): the inbox then searches the database
	 */
	Optional<List<String>> search(String text, int limit);
}
