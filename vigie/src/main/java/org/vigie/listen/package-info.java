/**
 * Listening: Boolean queries per show ({@link org.vigie.archive.SearchQuery the query language}),
 * matched against every ingested item with Lucene Monitor's decomposer and presearcher (the
 * {@link org.vigie.ingest.ItemStage} of order 200 fills {@code Annotations.matchedQueries}), stored
 * in {@code item_matches} ({@code item_id}, {@code query_id}, {@code show_id},
 * {@code item_created_at}, {@code matched_at}, {@code source}) for the inbox's "listening query"
 * filter, and translated into each network's
 * own search ({@link org.vigie.ingest.SearchFeeds}). Also the listening page, its preview against
 * the archive and the per-query statistics.
 */
@NullMarked
package org.vigie.listen;

import org.jspecify.annotations.NullMarked;
