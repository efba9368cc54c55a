package org.vigie.enrich.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextEmojiRegex;

import org.vigie.enrich.Entities;

/**
 * Extracts hashtags, mentions, links and cashtags with twitter-text, the library X publishes so that
 * every client agrees with its servers (its conformance suite runs in our tests), and emojis with
 * twitter-text's emoji pattern (whole grapheme clusters: flags, skin tones, ZWJ families).
 *
 * <p>Thread-safe: twitter-text's extractor keeps no state between calls once configured.
 */
public final class EntityExtractor {

	private final Extractor extractor = new Extractor();

	/** The entities of {@code text}; {@link Entities#NONE} for blank text. Never null. */
	public Entities extract(String text) {
		if (text.isBlank()) {
			return Entities.NONE;
		}
		List<String> hashtags = new ArrayList<>();
		List<String> mentions = new ArrayList<>();
		List<String> urls = new ArrayList<>();
		List<String> cashtags = new ArrayList<>();
		for (Extractor.Entity entity : extractor.extractEntitiesWithIndices(text)) {
			switch (entity.getType()) {
				case HASHTAG -> hashtags.add(entity.getValue());
				case MENTION -> mentions.add(entity.getValue());
				case URL -> urls.add(entity.getValue());
				case CASHTAG -> cashtags.add(entity.getValue());
			}
		}
		return new Entities(hashtags, mentions, urls, cashtags, emojis(text));
	}

	/** The emojis of {@code text} in order, each a whole grapheme cluster. */
	public static List<String> emojis(String text) {
		if (!mayHoldEmoji(text)) {
			return List.of();
		}
		List<String> emojis = new ArrayList<>();
		Matcher m = TwitterTextEmojiRegex.VALID_EMOJI_PATTERN.matcher(text);
		while (m.find()) {
			emojis.add(m.group());
		}
		return emojis;
	}

	/** A cheap test that spares the (large) emoji pattern on texts that cannot hold an emoji. */
	private static boolean mayHoldEmoji(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x2000 || c == 0xA9 || c == 0xAE) {
				return true;
			}
		}
		return false;
	}
}
