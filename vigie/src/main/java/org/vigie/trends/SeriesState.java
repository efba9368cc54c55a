package org.vigie.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.vigie.trends.detect.SentimentShift;
import org.vigie.trends.detect.SpikeDetector;
import org.vigie.trends.detect.TermExtractor;
import org.vigie.trends.detect.TermTrends;
import org.vigie.trends.detect.UniqueAuthors;

/**
 * The detectors and open buckets of one series. Confined to the engine's lock.
 */
final class SeriesState {

	/** What one bucket of the series holds while it is open. */
	static final class Bucket {

		int items;

		int negative;

		int rated;

		final UniqueAuthors authors = new UniqueAuthors();

		final Map<String, Integer> termCounts = new HashMap<>();

		final List<Trend.Sample> samples = new ArrayList<>();

		final List<Set<String>> sampleTerms = new ArrayList<>();

		final java.util.Set<String> sampleAuthors = new java.util.HashSet<>();
	}

	private static final int SAMPLES_PER_BUCKET = 30;

	final SeriesKey key;

	final @Nullable String show;

	final SpikeDetector volume;

	final SentimentShift mood;

	final @Nullable TermTrends terms;

	final @Nullable TermExtractor extractor;

	final TreeMap<Instant, Bucket> open = new TreeMap<>();

	@Nullable Trend volumeTrend;

	@Nullable Trend moodTrend;

	@Nullable Trend termTrend;

	Instant lastTermsAt = Instant.EPOCH;

	SeriesState(SeriesKey key, @Nullable String show, SpikeDetector volume, SentimentShift mood,
			@Nullable TermTrends terms, @Nullable TermExtractor extractor) {
		this.key = key;
		this.show = show;
		this.volume = volume;
		this.mood = mood;
		this.terms = terms;
		this.extractor = extractor;
	}

	Bucket bucket(Instant start) {
		return open.computeIfAbsent(start, k -> new Bucket());
	}

	/** Counts one item in the bucket starting at {@code start}. */
	void add(Instant start, String author, String authorLabel, String itemId, String text, Instant at,
			@Nullable String sentiment, List<String> hashtags) {
		Bucket b = bucket(start);
		b.items++;
		b.authors.add(author);
		if (sentiment != null) {
			b.rated++;
			if ("negative".equals(sentiment)) {
				b.negative++;
			}
		}
		Set<String> found = Set.of();
		if (extractor != null && terms != null) {
			Set<String> t = new java.util.LinkedHashSet<>(extractor.terms(text));
			for (String tag : hashtags) {
				t.addAll(extractor.terms("#" + tag));
			}
			found = t;
			terms.add(author, found);
			for (String term : found) {
				b.termCounts.merge(term, 1, Integer::sum);
			}
		}
		// Keep a few samples from distinct authors: one loud account does not fill the examples.
		if (b.samples.size() < SAMPLES_PER_BUCKET && b.sampleAuthors.add(author)) {
			String cut = text.length() > 280 ? text.substring(0, 279) + "…" : text;
			b.samples.add(new Trend.Sample(itemId, authorLabel, cut, at));
			b.sampleTerms.add(found);
		}
	}

	/** Takes the bucket starting at {@code start} out of the open ones; an empty one if it saw nothing. */
	Bucket take(Instant start) {
		Bucket b = open.remove(start);
		return b == null ? new Bucket() : b;
	}
}
