package org.vigie.inbox.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.vigie.inbox.InboxItem;
import org.vigie.inbox.Reply;
import org.vigie.shared.Reason;
import org.vigie.web.Messages;

/**
 * An item as the REST API shows it.
 *
 * @param network {@code x}, {@code facebook}, {@code instagram}, {@code mastodon}, {@code bluesky}, {@code youtube}, {@code reddit} or {@code rss}
 * @param kind {@code post}, {@code comment}, {@code reply}, {@code mention}, {@code direct_message} or {@code listening_hit}
 * @param account the id of our account it was read through; null for a listening hit found by search
 * @param show the id of the show it concerns
 * @param parentId Vigie's id of the item it answers, when stored
 * @param status {@code open}, {@code done} or {@code snoozed}
 */
public record ItemJson(String id, String network, String kind, String externalId, @Nullable String account,
		@Nullable String accountHandle, @Nullable String show, AuthorJson author, String text, @Nullable String url,
		Instant createdAt, @Nullable String conversationId, @Nullable String parentId, @Nullable String parentExternalId,
		@Nullable String lang, @Nullable String sentiment, double priority, List<String> priorityReasons, String status,
		@Nullable Instant snoozedUntil, @Nullable String assignee, List<String> tags, boolean fromUs, boolean liked,
		boolean hidden) {

	static ItemJson of(InboxItem i) {
		return new ItemJson(i.id(), i.network().id(), i.kind().id(), i.externalId(), i.accountId(), i.accountHandle(),
				i.showId(), new AuthorJson(i.author().id(), i.author().externalId(), i.author().handle(),
						i.author().displayName(), i.author().followers(), i.author().verified(), i.author().profileUrl()),
				i.text(), i.url(), i.createdAt(), i.conversationId(), i.parentId(), i.parentExternalId(), i.lang(),
				i.sentiment(), i.priority(), i.priorityReasons(), i.status().id(), i.snoozedUntil(), i.assigneeId(), i.tags(),
				i.mine(), i.liked(), i.hidden());
	}

	/** The author of an item. */
	public record AuthorJson(@Nullable String id, @Nullable String externalId, @Nullable String handle,
			@Nullable String displayName, @Nullable Long followers, boolean verified, @Nullable String profileUrl) {
	}

	/**
	 * One of our replies with its delivery state: {@code sending}, {@code sent} or {@code failed} (with
	 * the reason in words, and its message key as {@code reasonCode} when it has one).
	 */
	public record ReplyJson(String id, String itemId, String text, String state, @Nullable String reason,
			@Nullable String reasonCode, @Nullable String externalId, int attempts, Instant createdAt) {

		/** @param words the language of the reason */
		static ReplyJson of(Reply r, Messages words) {
			return new ReplyJson(r.id(), r.itemId(), r.text(), r.state().name().toLowerCase(Locale.ROOT),
					words.reason(r.reason()), Reason.codeOf(r.reason()), r.externalId(), r.attempts(), r.createdAt());
		}
	}

	/** A page of items; pass {@code nextCursor} back as {@code cursor}; null on the last page. */
	public record PageJson(List<ItemJson> items, @Nullable String nextCursor) {
	}

	/** An item with its thread (oldest first) and our replies to it. */
	public record ThreadJson(ItemJson item, List<ItemJson> thread, List<ReplyJson> replies) {
	}
}
