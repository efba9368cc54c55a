package org.vigie.archive;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The archive's settings.
 *
 * @param commitEvery how often new items are made durable on disk (default 5 s); a crash loses at
 *        most that much of the index, which is caught up from the database at the next start
 * @param ramBufferMb memory used to buffer new documents before flushing a segment (default 64)
 * @param rebuildIfEmpty rebuild the index from the {@code items} table at start when it is empty
 *        but the table is not (default true)
 */
@ConfigurationProperties("vigie.archive")
public record ArchiveSettings(@DefaultValue("5s") Duration commitEvery, @DefaultValue("64") int ramBufferMb,
		@DefaultValue("true") boolean rebuildIfEmpty) {

	public ArchiveSettings {
		if (ramBufferMb < 4) {
			throw new IllegalArgumentException("vigie.archive.ram-buffer-mb must be at least 4, was " + ramBufferMb);
		}
		if (commitEvery.isNegative() || commitEvery.isZero()) {
			throw new IllegalArgumentException("vigie.archive.commit-every must be positive, was " + commitEvery);
		}
	}
}
