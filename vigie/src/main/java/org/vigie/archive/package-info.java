/**
 * The archive: a local Lucene index of every stored item under {@code <data>/index}, and the search
 * language that reads it. Items are analysed the same way for French and English (case and
 * accents folded, elisions such as « l'émission » removed, plurals reduced), so that the archive
 * search, the listening matcher and the preview give the same answer for the same query. The index
 * is fed by {@link org.vigie.ingest.ItemsIngested} after each commit and can always be rebuilt
 * from the {@code items} table. {@link org.vigie.archive.Archive} is the public search API
 * (item ids, by time or relevance, paged); {@link org.vigie.archive.SearchQuery} parses the
 * listening query language into Lucene queries.
 */
@NullMarked
package org.vigie.archive;

import org.jspecify.annotations.NullMarked;
