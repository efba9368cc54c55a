/**
 * Enrichment: every incoming item arrives understood. Its language (OpenNLP's model), its
 * sentiment with a confidence (a model trained in Vigie on public French and English tweets), its
 * hashtags, mentions, links, cashtags and emojis (twitter-text), spam and toxicity flags, and a
 * priority that orders the inbox and says why. {@link org.vigie.enrich.Enricher} is the plain-Java
 * core that tests, benchmarks and the {@code sentiment} / {@code lang} commands use;
 * {@link org.vigie.enrich.EnrichStage} runs it as an ingestion stage.
 */
@NullMarked
package org.vigie.enrich;

import org.jspecify.annotations.NullMarked;
