package org.vigie.inbox.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigie.connectors.Capability;
import org.vigie.inbox.InboxFilter;
import org.vigie.inbox.InboxItem;
import org.vigie.inbox.InboxQuery;
import org.vigie.inbox.InboxSettings;
import org.vigie.inbox.ItemActions;
import org.vigie.inbox.ItemStatus;
import org.vigie.inbox.Replies;
import org.vigie.inbox.Reply;
import org.vigie.inbox.SavedReplies;
import org.vigie.inbox.Triage;
import org.vigie.inbox.Visibility;
import org.vigie.shared.ShowId;
import org.vigie.shared.UserId;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Shows;

/**
 * The conversation panel of one item and everything done from it: status, snooze, assignment,
 * tags, notes, replies (with their state and retry), like, hide, delete, saved replies, and the
 * same triage on a selection (bulk). Each change answers with the refreshed panel and, out of
 * band, the item's row in the list.
 */
@Controller
class ItemController {

	private final Access access;

	private final InboxQuery query;

	private final Views views;

	private final Triage triage;

	private final Replies replies;

	private final ItemActions actions;

	private final SavedReplies savedReplies;

	private final Shows shows;

	private final InboxSettings settings;

	private final Clock clock;

	ItemController(Access access, InboxQuery query, Views views, Triage triage, Replies replies, ItemActions actions,
			SavedReplies savedReplies, Shows shows, InboxSettings settings, Clock clock) {
		this.clock = clock;
		this.access = access;
		this.query = query;
		this.views = views;
		this.triage = triage;
		this.replies = replies;
		this.actions = actions;
		this.savedReplies = savedReplies;
		this.shows = shows;
		this.settings = settings;
	}

	@GetMapping("/inbox/items/{id}")
	String item(@PathVariable String id, Model model, Locale locale, HttpServletRequest request) {
		if (!"true".equals(request.getHeader("HX-Request"))) {
			return "redirect:/inbox?item=" + id;
		}
		return panel(id, null, model, locale, false);
	}

	/**
	 * One row of the list, as it is now: a tab told by the stream that someone changed the item
	 * (status, assignee, tags) swaps it in place, so the list does not move under the reader.
	 */
	@GetMapping("/inbox/rows/{id}")
	String row(@PathVariable String id, Model model, Locale locale) {
		InboxItem item = query.find(Visibility.of(access.current()), id)
			.orElseThrow(() -> new NotFoundException("inbox.item-unknown"));
		model.addAttribute("item", item);
		model.addAttribute("dir", views.directory(locale));
		model.addAttribute("oob", false);
		return "inbox/row";
	}

	@PostMapping("/inbox/items/{id}/status")
	String status(@PathVariable String id, @RequestParam String status, Model model, Locale locale) {
		triage.setStatus(access.current(), List.of(id), ItemStatus.fromId(status).orElseThrow(() -> new IllegalArgumentException("status")));
		return panel(id, null, model, locale, true);
	}

	@PostMapping("/inbox/items/{id}/snooze")
	String snooze(@PathVariable String id, @RequestParam String until, Model model, Locale locale) {
		triage.snooze(access.current(), List.of(id), localTime(until));
		return panel(id, null, model, locale, true);
	}

	@PostMapping("/inbox/items/{id}/assign")
	String assign(@PathVariable String id, @RequestParam(required = false) String assignee, Model model, Locale locale) {
		Actor actor = access.current();
		triage.assign(actor, List.of(id), assignee(assignee, actor));
		return panel(id, null, model, locale, true);
	}

	@PostMapping("/inbox/items/{id}/tags")
	String tag(@PathVariable String id, @RequestParam String tag, Model model, Locale locale) {
		triage.tag(access.current(), List.of(id), tag);
		return panel(id, null, model, locale, true);
	}

	@PostMapping("/inbox/items/{id}/tags/remove")
	String untag(@PathVariable String id, @RequestParam String tag, Model model, Locale locale) {
		triage.untag(access.current(), List.of(id), tag);
		return panel(id, null, model, locale, true);
	}

	@PostMapping("/inbox/items/{id}/notes")
	String note(@PathVariable String id, @RequestParam String text, Model model, Locale locale) {
		triage.note(access.current(), id, myName(), text);
		return panel(id, null, model, locale, false);
	}

	@PostMapping("/inbox/items/{id}/author-notes")
	String authorNote(@PathVariable String id, @RequestParam String text, Model model, Locale locale) {
		triage.noteAuthor(access.current(), id, myName(), text);
		return panel(id, null, model, locale, false);
	}

	@PostMapping("/inbox/items/{id}/reply")
	String reply(@PathVariable String id, @RequestParam String text, Model model, Locale locale) {
		replies.send(access.current(), id, myName(), text);
		return panel(id, null, model, locale, false);
	}

	@PostMapping("/inbox/items/{id}/{action:like|hide|delete}")
	String act(@PathVariable String id, @PathVariable String action, Model model, Locale locale) {
		String error = null;
		try {
			actions.perform(access.current(), id, Capability.valueOf(action.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalStateException e) {
			error = e.getMessage();
		}
		return panel(id, error, model, locale, true);
	}

	/** One of our replies, for the panel to follow its state while it is being sent. */
	@GetMapping("/inbox/replies/{id}")
	String replyState(@PathVariable String id, Model model, Locale locale) {
		Reply reply = visibleReply(id);
		model.addAttribute("reply", reply);
		model.addAttribute("dir", views.directory(locale));
		return "inbox/reply";
	}

	@PostMapping("/inbox/replies/{id}/retry")
	String retry(@PathVariable String id, Model model, Locale locale) {
		visibleReply(id);
		model.addAttribute("reply", replies.retry(access.current(), id));
		model.addAttribute("dir", views.directory(locale));
		return "inbox/reply";
	}

	/** A saved reply with its variables filled in for this item, as plain text for the reply box. */
	@GetMapping(path = "/inbox/items/{id}/saved-replies/{replyId}", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> savedReply(@PathVariable String id, @PathVariable String replyId) {
		Actor actor = access.current();
		InboxItem item = query.find(Visibility.of(actor), id).orElseThrow(() -> new NotFoundException("inbox.item-unknown"));
		var saved = savedReplies.find(replyId).orElseThrow(() -> new NotFoundException("inbox.saved-reply.unknown"));
		String show = item.showId() == null ? ""
				: shows.find(ShowId.of(item.showId())).map(s -> s.name()).orElse("");
		Map<String, String> values = Map.of("author", item.author().label(),
				"handle", item.author().handle() == null ? item.author().label() : item.author().handle(),
				"show", show, "network", item.network().label(),
				"account", item.accountHandle() == null ? "" : item.accountHandle(), "me", myName());
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(SavedReplies.expand(saved.body(), values));
	}

	/** Triage on a selection: done, open, assign, tag, snooze. Answers with the refreshed stream. */
	@PostMapping("/inbox/bulk")
	String bulk(@RequestParam(name = "ids", required = false) List<String> ids, @RequestParam String action,
			@RequestParam(required = false) String value, HttpServletResponse response) {
		Actor actor = access.current();
		List<String> selection = ids == null ? List.of() : ids;
		switch (action) {
			case "done" -> triage.setStatus(actor, selection, ItemStatus.DONE);
			case "open" -> triage.setStatus(actor, selection, ItemStatus.OPEN);
			case "assign" -> triage.assign(actor, selection, assignee(value, actor));
			case "tag" -> triage.tag(actor, selection, value == null ? "" : value);
			case "snooze" -> triage.snooze(actor, selection, localTime(value == null ? "" : value));
			default -> throw new IllegalArgumentException("inbox.bulk.unknown");
		}
		response.setHeader("HX-Trigger", "inbox-refresh");
		return "inbox/empty";
	}

	private String panel(String id, String error, Model model, Locale locale, boolean refreshRow) {
		Actor actor = access.current();
		ConversationView conversation = views.conversation(actor, id, error);
		model.addAttribute("c", conversation);
		model.addAttribute("dir", views.directory(locale));
		model.addAttribute("oob", refreshRow);
		model.addAttribute("filter", InboxFilter.ALL);
		return "inbox/conversation";
	}

	private Reply visibleReply(String id) {
		Actor actor = access.current();
		Reply reply = replies.find(id).orElseThrow(() -> new NotFoundException("inbox.reply.unknown"));
		query.find(Visibility.of(actor), reply.itemId()).orElseThrow(() -> new NotFoundException("inbox.reply.unknown"));
		return reply;
	}

	private String myName() {
		return access.currentUser().map(u -> u.displayName()).orElse("?");
	}

	private static UserId assignee(String value, Actor actor) {
		if (value == null || value.isBlank() || value.equals("none")) {
			return null;
		}
		if (value.equals("me")) {
			return actor.id();
		}
		return UserId.of(value);
	}

	private Instant localTime(String value) {
		if (value.isBlank()) {
			throw new IllegalArgumentException("inbox.snooze-needs-time");
		}
		try {
			if (value.matches("\\d+h")) {
				return clock.instant().plus(Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1))));
			}
			return LocalDateTime.parse(value).atZone(settings.zone()).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("inbox.snooze-needs-time");
		}
	}
}
