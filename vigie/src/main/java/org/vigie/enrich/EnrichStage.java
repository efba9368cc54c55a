package org.vigie.enrich;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vigie.ingest.Annotations;
import org.vigie.ingest.IncomingItem;
import org.vigie.ingest.ItemStage;

/**
 * The ingestion stage that enriches every incoming item: language, sentiment, entities, spam and
 * toxicity flags, priority and its reasons, written into the item's {@link Annotations}. An item
 * enrichment fails on is logged, keeps the annotations it had, records the failure, and flows on.
 */
@Component
class EnrichStage implements ItemStage {

	static final int ORDER = 100;

	private static final Logger log = LoggerFactory.getLogger(EnrichStage.class);

	private final Enricher enricher;

	private final Clock clock;

	EnrichStage(Enricher enricher, Clock clock) {
		this.enricher = enricher;
		this.clock = clock;
	}

	@Override
	public int order() {
		return ORDER;
	}

	@Override
	public String name() {
		return "enrich";
	}

	@Override
	public IncomingItem apply(IncomingItem item) {
		try {
			Enrichment e = enricher.enrich(item.text(),
					new ItemFacts(item.kind(), item.replyToUs(), item.author().followers(), item.createdAt()),
					clock.instant());
			Entities found = e.entities();
			Annotations annotations = item.annotations()
				.withLanguage(e.language())
				.withSentiment(e.sentiment().sentiment().id(), e.sentiment().confidence())
				.withEntities(found.hashtags(), found.mentions(), found.urls(), found.cashtags(), found.emojis())
				.withFlags(e.spam(), e.toxic())
				.withPriority(e.priority().score(), e.priority().reasons());
			return item.withAnnotations(annotations);
		}
		catch (RuntimeException ex) {
			log.warn("Enrichment failed for {} item {}: {}", item.network(), item.externalId(), ex.toString());
			return item.withAnnotations(item.annotations().withError(name(), ex.toString()));
		}
	}
}
