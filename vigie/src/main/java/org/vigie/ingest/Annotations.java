package org.vigie.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the {@link ItemStage}s learned about an item. Starts {@link #NONE empty}; each stage adds
 * its part with the {@code with…} methods.
 *
 * @param lang ISO 639-1 code ({@code fr}, {@code en}…), {@code und} when unsure, null before enrichment
 * @param sentiment {@code negative}, {@code neutral} or {@code positive}; null before enrichment
 * @param sentimentScore confidence of {@code sentiment}, 0–1
 * @param hashtags without {@code #}, as written
 * @param mentions without {@code @}, as written
 * @param priority higher first in the inbox; 0–100
 * @param priorityReasons message keys or short words explaining the priority, e.g. {@code question}, {@code complaint}
 * @param matchedQueries ids of the listening queries that match the item
 * @param errors failures of stages on this item, as {@code stage: message}
 */
public record Annotations(@Nullable String lang, @Nullable String sentiment, double sentimentScore,
		List<String> hashtags, List<String> mentions, List<String> urls, List<String> cashtags, List<String> emojis,
		boolean spam, boolean toxic, double priority, List<String> priorityReasons, Set<String> matchedQueries,
		List<String> errors) {

	public static final Annotations NONE = new Annotations(null, null, 0, List.of(), List.of(), List.of(), List.of(),
			List.of(), false, false, 0, List.of(), Set.of(), List.of());

	public Annotations {
		hashtags = List.copyOf(hashtags);
		mentions = List.copyOf(mentions);
		urls = List.copyOf(urls);
		cashtags = List.copyOf(cashtags);
		emojis = List.copyOf(emojis);
		priorityReasons = List.copyOf(priorityReasons);
		matchedQueries = Set.copyOf(matchedQueries);
		errors = List.copyOf(errors);
	}

	public Annotations withLanguage(String lang) {
		return new Annotations(lang, sentiment, sentimentScore, hashtags, mentions, urls, cashtags, emojis, spam, toxic,
				priority, priorityReasons, matchedQueries, errors);
	}

	public Annotations withSentiment(String sentiment, double score) {
		return new Annotations(lang, sentiment, score, hashtags, mentions, urls, cashtags, emojis, spam, toxic, priority,
				priorityReasons, matchedQueries, errors);
	}

	public Annotations withEntities(List<String> hashtags, List<String> mentions, List<String> urls,
			List<String> cashtags, List<String> emojis) {
		return new Annotations(lang, sentiment, sentimentScore, hashtags, mentions, urls, cashtags, emojis, spam, toxic,
				priority, priorityReasons, matchedQueries, errors);
	}

	public Annotations withFlags(boolean spam, boolean toxic) {
		return new Annotations(lang, sentiment, sentimentScore, hashtags, mentions, urls, cashtags, emojis, spam, toxic,
				priority, priorityReasons, matchedQueries, errors);
	}

	public Annotations withPriority(double priority, List<String> reasons) {
		return new Annotations(lang, sentiment, sentimentScore, hashtags, mentions, urls, cashtags, emojis, spam, toxic,
				priority, reasons, matchedQueries, errors);
	}

	public Annotations withMatchedQueries(Set<String> queries) {
		return new Annotations(lang, sentiment, sentimentScore, hashtags, mentions, urls, cashtags, emojis, spam, toxic,
				priority, priorityReasons, queries, errors);
	}

	/** Records that {@code stage} failed on this item; the item still flows on. */
	public Annotations withError(String stage, String message) {
		List<String> more = new ArrayList<>(errors);
		more.add(stage + ": " + message);
		return new Annotations(lang, sentiment, sentimentScore, hashtags, mentions, urls, cashtags, emojis, spam, toxic,
				priority, priorityReasons, matchedQueries, more);
	}
}
