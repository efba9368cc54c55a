package org.vigie.archive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.vigie.ingest.ItemsIngested;

/**
 * Indexes items once their ingestion transaction committed. A failure here loses nothing: the
 * items are in the database and the next start (or a rebuild) indexes them.
 */
@Component
class ArchiveFeeder {

	private static final Logger log = LoggerFactory.getLogger(ArchiveFeeder.class);

	private final Archive archive;

	ArchiveFeeder(Archive archive) {
		this.archive = archive;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ItemsIngested event) {
		try {
			archive.index(event.items().stream().map(ArchivedItem::of).toList());
		}
		catch (RuntimeException e) {
			log.warn("Could not index {} items; they will be indexed at the next start", event.items().size(), e);
		}
	}
}
