package org.vigie.trends.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Emerging terms of one series: terms used by unusually many distinct authors in the current
 * bucket, judged against each term's own share of the conversation. A term is counted once per
 * author per bucket (one loud account repeating a word does not make it emerge), and its expected
 * count is its usual share times the bucket's volume, so that when a whole show's volume rises at
 * airing time only the terms that rise faster than the rest emerge. A term never seen before is
 * judged against a small prior share. Memory is bounded: rare terms are forgotten first.
 * Not thread-safe: one instance per series, fed in time order.
 */
public final class TermTrends {

	/**
	 * A term that emerges in a bucket.
	 * @param authors distinct authors who used it in the bucket
	 * @param expected how many were expected from its usual share
	 * @param score standard deviations above that
	 * @param fresh true if the term had (almost) never been seen
	 */
	public record Emerging(String term, int authors, double expected, double score, boolean fresh) {
	}

	/**
	 * @param minAuthors distinct authors needed for a term to emerge
	 * @param minRatio how many times its expected count it must reach
	 * @param threshold standard deviations above expected
	 * @param halfLifeBuckets how fast a term's usual share follows, in buckets
	 * @param maxTerms how many terms to remember at most
	 */
	public record Settings(int minAuthors, double minRatio, double threshold, double halfLifeBuckets, int maxTerms) {

		public static final Settings DEFAULTS = new Settings(3, 3.0, 3.0, 288, 50_000);

		public Settings {
			if (minAuthors < 1 || minRatio < 1 || !(threshold > 0) || !(halfLifeBuckets > 0) || maxTerms < 100) {
				throw new IllegalArgumentException("Invalid term-trend settings");
			}
		}
	}

	private static final double PRIOR_SHARE = 0.002;

	private final Settings settings;

	private final double rate;

	private final Map<String, Integer> bucket = new HashMap<>();

	private final Set<Long> pairs = new HashSet<>();

	private final Map<String, double[]> shares = new HashMap<>();

	private final Set<String> authors = new HashSet<>();

	private long buckets;

	public TermTrends(Settings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.rate = 1 - Math.pow(0.5, 1 / settings.halfLifeBuckets());
	}

	/** Counts one item of the current bucket: {@code author} used {@code terms}. */
	public void add(String author, Set<String> terms) {
		authors.add(author);
		for (String term : terms) {
			long pair = ((long) term.hashCode() << 32) ^ (author.hashCode() & 0xffffffffL);
			if (pairs.add(pair)) {
				bucket.merge(term, 1, Integer::sum);
			}
		}
	}

	/**
	 * Closes the current bucket: returns its emerging terms, strongest first, then learns from it
	 * and starts the next bucket.
	 */
	public List<Emerging> close(Instant bucketStart) {
		Objects.requireNonNull(bucketStart, "bucketStart");
		int volume = authors.size();
		List<Emerging> emerging = new ArrayList<>();
		boolean warm = buckets >= 12;
		for (Map.Entry<String, Integer> e : bucket.entrySet()) {
			double[] known = shares.get(e.getKey());
			double share = known == null ? 0 : decayed(known);
			boolean fresh = share < PRIOR_SHARE / 4;
			double expected = Math.max(share, PRIOR_SHARE) * volume;
			int count = e.getValue();
			double score = (count - expected) / Math.sqrt(expected + 1);
			if (warm && count >= settings.minAuthors() && count >= settings.minRatio() * expected
					&& score >= settings.threshold()) {
				emerging.add(new Emerging(e.getKey(), count, expected, score, fresh));
			}
		}
		learn(volume);
		emerging.sort(Comparator.comparingDouble(Emerging::score).reversed());
		return emerging;
	}

	private double decayed(double[] known) {
		return known[0] * Math.pow(1 - rate, buckets - known[1]);
	}

	private void learn(int volume) {
		if (volume > 0) {
			for (Map.Entry<String, Integer> e : bucket.entrySet()) {
				double[] known = shares.computeIfAbsent(e.getKey(), k -> new double[] { 0, buckets });
				double share = Math.min(1.0, e.getValue() / (double) volume);
				// Early on, an average of what was seen: a word of every bucket is not news after an hour.
				double r = Math.max(rate, 1.0 / (buckets + 1));
				known[0] = decayed(known) + r * (share - decayed(known));
				known[1] = buckets;
			}
		}
		buckets++;
		bucket.clear();
		pairs.clear();
		authors.clear();
		if (shares.size() > settings.maxTerms()) {
			forget();
		}
	}

	private void forget() {
		double floor = shares.values().stream().mapToDouble(this::decayed).sorted()
			.skip(shares.size() - settings.maxTerms() / 2).findFirst().orElse(0);
		for (Iterator<double[]> it = shares.values().iterator(); it.hasNext();) {
			if (decayed(it.next()) < floor) {
				it.remove();
			}
		}
	}
}
