package org.vigie.enrich;

import java.util.Objects;

/**
 * Everything enrichment learned about one item.
 *
 * @param language ISO 639-1 code, or {@code und}
 * @param sentiment the sentiment and its confidence
 * @param entities hashtags, mentions, links, cashtags, emojis
 * @param spam whether the item looks like spam
 * @param toxic whether the item looks abusive
 * @param priority the inbox priority and its reasons
 */
public record Enrichment(String language, SentimentScore sentiment, Entities entities, boolean spam, boolean toxic,
		Priority priority) {

	public Enrichment {
		Objects.requireNonNull(language, "language");
		Objects.requireNonNull(sentiment, "sentiment");
		Objects.requireNonNull(entities, "entities");
		Objects.requireNonNull(priority, "priority");
	}
}
