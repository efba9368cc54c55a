/**
 * RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 feeds, read with ROME over a conditional GET, deduplicated on
 * the entries' ids, their HTML sanitised; each feed is a listening source of a show.
 */
@NullMarked
package org.vigie.connectors.rss;

import org.jspecify.annotations.NullMarked;
