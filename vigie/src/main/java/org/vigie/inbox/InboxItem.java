package org.vigie.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;

/**
 * One item as the inbox shows it. Every string that came from a network ({@link #text()},
 * {@link #url()}, the author's names) is untrusted: templates escape it, and {@link #safeUrl()} keeps
 * only http(s) links.
 *
 * @param parentId Vigie's id of the item this one answers, when that item is stored
 * @param priorityReasons why the priority is what it is (message keys or short words)
 * @param mine true if one of our accounts wrote it
 */
public record InboxItem(String id, Network network, ItemKind kind, String externalId, @Nullable String showId,
		@Nullable String accountId, @Nullable String accountHandle, ItemAuthor author, String text, @Nullable String url,
		Instant createdAt, @Nullable String conversationId, @Nullable String parentExternalId, @Nullable String parentId,
		@Nullable String lang, @Nullable String sentiment, double priority, List<String> priorityReasons,
		ItemStatus status, @Nullable Instant snoozedUntil, @Nullable String assigneeId, List<String> tags, boolean mine,
		boolean liked, boolean hidden, boolean deleted) {

	public InboxItem {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(author, "author");
		priorityReasons = List.copyOf(priorityReasons);
		tags = List.copyOf(tags);
	}

	/** The item's link if it is a plain http(s) URL, else null: a {@code javascript:} link from a network is dropped. */
	public @Nullable String safeUrl() {
		return SafeText.httpUrl(url);
	}

	/** The text cut into plain runs and http(s) links, to render each escaped. */
	public List<SafeText.Segment> segments() {
		return SafeText.segments(text);
	}

	/** A short excerpt of the text for the list, on one line. */
	public String excerpt() {
		String flat = text.replaceAll("\\s+", " ").trim();
		return flat.length() <= 280 ? flat : flat.substring(0, 279) + "…";
	}

	InboxItem withTags(List<String> tags) {
		return new InboxItem(id, network, kind, externalId, showId, accountId, accountHandle, author, text, url, createdAt,
				conversationId, parentExternalId, parentId, lang, sentiment, priority, priorityReasons, status,
				snoozedUntil, assigneeId, tags, mine, liked, hidden, deleted);
	}

	/**
	 * Who wrote an item.
	 *
	 * @param id Vigie's author id; null when the item has no stored author
	 * @param followers null when the network does not say
	 */
	public record ItemAuthor(@Nullable String id, @Nullable String externalId, @Nullable String handle,
			@Nullable String displayName, @Nullable Long followers, boolean verified, @Nullable String profileUrl) {

		/** The name to show: display name, else handle, else the id. */
		public String label() {
			if (displayName != null && !displayName.isBlank()) {
				return displayName;
			}
			if (handle != null && !handle.isBlank()) {
				return handle;
			}
			return externalId == null ? "?" : externalId;
		}

		/** One or two letters standing in for the avatar: remote images are never loaded. */
		public String initials() {
			String label = label().replaceAll("[^\\p{L}\\p{N} ]", "").trim();
			if (label.isEmpty()) {
				return "?";
			}
			String[] words = label.split("\\s+");
			String first = words[0].substring(0, words[0].offsetByCodePoints(0, 1));
			if (words.length == 1) {
				return first.toUpperCase(Locale.ROOT);
			}
			String second = words[1].substring(0, words[1].offsetByCodePoints(0, 1));
			return (first + second).toUpperCase(Locale.ROOT);
		}

		public @Nullable String safeProfileUrl() {
			return SafeText.httpUrl(profileUrl);
		}
	}
}
