package org.vigie.inbox.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vigie.inbox.InboxItem;
import org.vigie.inbox.Presence;
import org.vigie.inbox.SavedReplies;
import org.vigie.inbox.Triage;
import org.vigie.workspace.User;

/**
 * What the conversation panel shows for one item.
 *
 * @param refusals why an action is not possible, by action name ({@code reply}, {@code like}, {@code hide}, {@code delete}); absent means allowed
 */
public record ConversationView(InboxItem item, List<ThreadEntry> thread, List<InboxItem> history, List<Triage.Note> notes,
		List<Triage.Note> authorNotes, Map<String, String> refusals, List<User> assignable,
		List<SavedReplies.SavedReply> savedReplies, List<Presence.Entry> others, @Nullable String error) {

	public @Nullable String refusal(String action) {
		return refusals.get(action);
	}
}
