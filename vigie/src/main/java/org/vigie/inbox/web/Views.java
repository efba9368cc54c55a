package org.vigie.inbox.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.vigie.connectors.Capability;
import org.vigie.inbox.Capabilities;
import org.vigie.inbox.InboxFilter;
import org.vigie.inbox.InboxItem;
import org.vigie.inbox.InboxQuery;
import org.vigie.inbox.InboxSettings;
import org.vigie.inbox.ItemStatus;
import org.vigie.inbox.Presence;
import org.vigie.inbox.Reply;
import org.vigie.inbox.Replies;
import org.vigie.inbox.SavedReplies;
import org.vigie.inbox.Triage;
import org.vigie.inbox.Visibility;
import org.vigie.shared.ShowId;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

/** Builds what the inbox templates show: the filter from the URL, names, and the conversation panel. */
@Component
class Views {

	private final InboxQuery query;

	private final Triage triage;

	private final Replies replies;

	private final SavedReplies savedReplies;

	private final Presence presence;

	private final Capabilities refusals;

	private final Shows shows;

	private final Team team;

	private final InboxSettings settings;

	Views(InboxQuery query, Triage triage, Replies replies, SavedReplies savedReplies, Presence presence,
			Capabilities refusals, Shows shows, Team team, InboxSettings settings) {
		this.query = query;
		this.triage = triage;
		this.replies = replies;
		this.savedReplies = savedReplies;
		this.presence = presence;
		this.refusals = refusals;
		this.shows = shows;
		this.team = team;
		this.settings = settings;
	}

	/** The filter of a request; the inbox shows open items unless told otherwise. */
	InboxFilter filter(MultiValueMap<String, String> params, Set<ItemStatus> defaultStatuses) {
		List<Show> all = shows.all();
		Function<String, Optional<ShowId>> resolve = s -> all.stream()
			.filter(show -> show.id().toString().equals(s) || show.slug().equals(s))
			.map(Show::id)
			.findFirst();
		return InboxFilter.parse(params, resolve, defaultStatuses);
	}

	/** The filter with {@code me} as assignee replaced by the actor's id. */
	InboxFilter resolveMe(InboxFilter filter, Actor actor) {
		if (!"me".equals(filter.assignee())) {
			return filter;
		}
		return new InboxFilter(filter.shows(), filter.accounts(), filter.networks(), filter.kinds(), filter.langs(),
				filter.sentiments(), filter.statuses(), actor.id().toString(), filter.tag(), filter.query(), filter.from(),
				filter.to(), filter.text(), filter.order());
	}

	Directory directory(Locale locale) {
		Map<String, Show> byId = shows.all().stream().collect(Collectors.toMap(s -> s.id().toString(), Function.identity()));
		Map<String, String> users = new HashMap<>();
		for (User u : team.all()) {
			users.put(u.id().toString(), u.displayName());
		}
		return new Directory(byId, users, settings.zone(), locale);
	}

	/** The conversation panel of an item the actor may see; a 404 otherwise. */
	ConversationView conversation(Actor actor, String itemId, String error) {
		Visibility visibility = Visibility.of(actor);
		InboxItem item = query.find(visibility, itemId).orElseThrow(() -> new NotFoundException("inbox.item-unknown"));
		List<InboxItem> thread = query.thread(visibility, item);
		if (thread.stream().noneMatch(i -> i.id().equals(item.id()))) {
			thread = new ArrayList<>(thread);
			thread.add(item);
		}
		List<Reply> ours = replies.ofItems(thread.stream().map(InboxItem::id).toList());
		Set<String> known = thread.stream().map(InboxItem::externalId).collect(Collectors.toCollection(HashSet::new));
		List<ThreadEntry> entries = new ArrayList<>();
		for (InboxItem i : thread) {
			entries.add(new ThreadEntry(i, null, i.id().equals(item.id())));
		}
		for (Reply r : ours) {
			if (r.externalId() == null || !known.contains(r.externalId())) {
				entries.add(new ThreadEntry(null, r, false));
			}
		}
		entries.sort(Comparator.comparing(ThreadEntry::at));
		List<InboxItem> history = query.authorHistory(visibility, item.author(), 20).stream()
			.filter(h -> !h.id().equals(item.id()))
			.toList();
		List<String> authorIds = item.author().id() == null ? List.of() : List.of(item.author().id());
		List<User> assignable = team.all().stream()
			.filter(User::active)
			.filter(u -> u.role().canWrite())
			.filter(u -> u.role().seesAllShows() || (item.showId() != null && u.shows().contains(ShowId.of(item.showId()))))
			.toList();
		Map<String, String> refused = new HashMap<>();
		refusals.refusals(item).forEach((c, reason) -> refused.put(c.name().toLowerCase(Locale.ROOT), reason));
		if (!actor.role().canWrite()) {
			for (Capability c : List.of(Capability.REPLY, Capability.LIKE, Capability.HIDE, Capability.DELETE)) {
				refused.put(c.name().toLowerCase(Locale.ROOT), "error.forbidden");
			}
		}
		return new ConversationView(item, entries, history, triage.notesOfItem(item.id()), triage.notesOfAuthors(authorIds),
				refused, assignable, savedReplies.all(), presence.others(item.id(), actor.id().toString()), error);
	}
}
