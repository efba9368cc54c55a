/**
 * Ingestion: polls every (account, feed) through its connector on a schedule, with backoff and
 * the networks' rate limits; normalises what comes back into {@link org.vigie.ingest.IncomingItem}s;
 * runs them through the {@link org.vigie.ingest.ItemStage}s other modules contribute (enrichment,
 * listening); and stores items and the new cursor in one transaction, so that a crash replays a
 * page harmlessly. After the commit it publishes {@link org.vigie.ingest.ItemsIngested}.
 */
@NullMarked
package org.vigie.ingest;

import org.jspecify.annotations.NullMarked;
