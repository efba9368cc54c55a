package org.vigie.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.vigie.ingest.IncomingItem;
import org.vigie.shared.AccountId;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;

/**
 * What the archive and the listening matcher know of an item: its text and the facets a query can
 * filter on. Built from an {@link IncomingItem} (after enrichment) or from a stored row.
 *
 * @param authors the author's handle (without {@code @}) and network id, as written
 * @param authorLabel the name shown for the author in statistics
 * @param hashtags without {@code #}; when enrichment found none, extracted from the text
 * @param mentions without {@code @}; when enrichment found none, extracted from the text
 * @param lang ISO 639-1 or {@code und}; null when unknown
 * @param sentiment {@code positive}, {@code neutral} or {@code negative}; null before enrichment
 */
public record ArchivedItem(ItemId id, String text, @Nullable String lang, Network network, @Nullable ShowId show,
		@Nullable AccountId account, List<String> authors, String authorLabel, List<String> hashtags,
		List<String> mentions, boolean hasLink, boolean hasMedia, @Nullable String sentiment, ItemKind kind,
		Instant createdAt) {

	private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/#])[#＃]([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)");

	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_/@])[@＠]([\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])?)");

	private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://\\S+|\\bwww\\.\\S+");

	private static final Pattern MEDIA = Pattern.compile("(?i)(\\.(jpe?g|png|gif|webp|mp4|mov|webm)(\\?\\S*)?$)"
			+ "|(pic\\.(twitter|x)\\.com|i\\.redd\\.it|v\\.redd\\.it|youtu\\.be/|youtube\\.com/(watch|shorts)|instagram\\.com/(p|reel)/"
			+ "|cdn\\.bsky\\.app|/media/|/photo/|/video/)");

	public ArchivedItem {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(network, "network");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(createdAt, "createdAt");
		authors = List.copyOf(authors);
		hashtags = List.copyOf(hashtags);
		mentions = List.copyOf(mentions);
	}

	/** The archive's view of an ingested item, with what its stages found. */
	public static ArchivedItem of(IncomingItem item) {
		var a = item.annotations();
		List<String> authors = new ArrayList<>();
		if (item.author().handle() != null) {
			authors.add(stripAt(item.author().handle()));
		}
		authors.add(item.author().externalId());
		List<String> urls = new ArrayList<>(a.urls());
		if (item.url() != null && item.kind() == ItemKind.LISTENING_HIT && item.network() == Network.RSS) {
			urls.add(item.url());
		}
		return of(item.id(), item.text(), a.lang(), item.network(), item.show(), item.account(), authors,
				item.author().label(), a.hashtags(), a.mentions(), urls, a.sentiment(), item.kind(), item.createdAt());
	}

	/**
	 * An item from its parts; hashtags, mentions and links missing from the lists are looked for in
	 * the text, so that an item stored before enrichment is still found by {@code #tag}.
	 */
	public static ArchivedItem of(ItemId id, String text, @Nullable String lang, Network network, @Nullable ShowId show,
			@Nullable AccountId account, List<String> authors, String authorLabel, List<String> hashtags,
			List<String> mentions, List<String> urls, @Nullable String sentiment, ItemKind kind, Instant createdAt) {
		List<String> tags = hashtags.isEmpty() ? extract(HASHTAG, text) : hashtags;
		List<String> people = mentions.isEmpty() ? extract(MENTION, text) : mentions;
		boolean link = !urls.isEmpty() || LINK.matcher(text).find();
		boolean media = network == Network.YOUTUBE || network == Network.INSTAGRAM
				|| urls.stream().anyMatch(u -> MEDIA.matcher(u).find()) || hasMediaLink(text);
		return new ArchivedItem(id, text, lang, network, show, account, authors, authorLabel, tags, people, link, media,
				sentiment == null ? null : sentiment.toLowerCase(Locale.ROOT), kind, createdAt);
	}

	private static boolean hasMediaLink(String text) {
		Matcher links = LINK.matcher(text);
		while (links.find()) {
			if (MEDIA.matcher(links.group()).find()) {
				return true;
			}
		}
		return false;
	}

	private static List<String> extract(Pattern pattern, String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return List.copyOf(found);
	}

	private static String stripAt(String handle) {
		return handle.startsWith("@") ? handle.substring(1) : handle;
	}
}
