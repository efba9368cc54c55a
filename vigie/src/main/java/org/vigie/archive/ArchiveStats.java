package org.vigie.archive;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the items matching a search say in aggregate.
 *
 * @param total matching items
 * @param perDay matching items per day (in the zone asked for), every day of the period present
 * @param sentiment counts by {@code positive}, {@code neutral}, {@code negative}, {@code none}
 * @param perNetwork counts by network id
 * @param perShow counts by show id ({@code ""} for items without a show)
 * @param topAuthors the most frequent authors, most first
 * @param topHashtags the most frequent hashtags (folded), most first
 */
public record ArchiveStats(long total, SortedMap<LocalDate, Long> perDay, Map<String, Long> sentiment,
		Map<String, Long> perNetwork, Map<String, Long> perShow, List<Count> topAuthors, List<Count> topHashtags) {

	public ArchiveStats {
		perDay = Collections.unmodifiableSortedMap(new TreeMap<>(perDay));
		sentiment = Map.copyOf(sentiment);
		perNetwork = Map.copyOf(perNetwork);
		perShow = Map.copyOf(perShow);
		topAuthors = List.copyOf(topAuthors);
		topHashtags = List.copyOf(topHashtags);
	}

	/** A value and how many items have it. */
	public record Count(String value, long count) {
	}
}
