package org.vigie.enrich;

import java.util.List;

/**
 * What an item points at, as the networks themselves extract it.
 *
 * @param hashtags without {@code #}, as written
 * @param mentions screen names without {@code @}, as written
 * @param urls links as written in the text
 * @param cashtags symbols without {@code $}
 * @param emojis each emoji (grapheme cluster) as it occurs, repeats included
 */
public record Entities(List<String> hashtags, List<String> mentions, List<String> urls, List<String> cashtags,
		List<String> emojis) {

	public static final Entities NONE = new Entities(List.of(), List.of(), List.of(), List.of(), List.of());

	public Entities {
		hashtags = List.copyOf(hashtags);
		mentions = List.copyOf(mentions);
		urls = List.copyOf(urls);
		cashtags = List.copyOf(cashtags);
		emojis = List.copyOf(emojis);
	}
}
