package org.vigie.inbox.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.inbox.InboxFilter;
import org.vigie.inbox.web.ItemJson.PageJson;
import org.vigie.inbox.web.ItemJson.ReplyJson;
import org.vigie.inbox.web.ItemJson.ThreadJson;
import org.vigie.inbox.InboxItem;
import org.vigie.inbox.InboxQuery;
import org.vigie.inbox.InboxSettings;
import org.vigie.inbox.ItemPage;
import org.vigie.inbox.ItemStatus;
import org.vigie.inbox.Replies;
import org.vigie.inbox.Reply;
import org.vigie.inbox.Triage;
import org.vigie.inbox.Visibility;
import org.vigie.shared.UserId;
import org.vigie.web.Messages;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;

/**
 * The items API: the same stream, filters and permissions as the inbox page. Analysts read only
 * (403 on changes); an item of a show the caller may not see does not exist for them (404).
 */
@RestController
@Tag(name = "Items", description = "Everything ingested: read, filter, reply, triage")
class InboxApiController {

	private final Access access;

	private final InboxQuery query;

	private final Views views;

	private final Triage triage;

	private final Replies replies;

	private final InboxSettings settings;

	private final MessageSource messages;

	InboxApiController(Access access, InboxQuery query, Views views, Triage triage, Replies replies, InboxSettings settings,
			MessageSource messages) {
		this.messages = messages;
		this.access = access;
		this.query = query;
		this.views = views;
		this.triage = triage;
		this.replies = replies;
		this.settings = settings;
	}

	@GetMapping("/api/v1/items")
	@Operation(summary = "List items, newest first (or by priority)", description = """
			Every filter is optional; filters combine with AND, several values of one filter (repeated or \
			comma-separated) with OR. Paging by cursor: pass nextCursor back as cursor.""")
	PageJson list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
			@Parameter(description = "x, facebook, instagram, mastodon, bluesky, youtube, reddit, rss") @RequestParam(required = false) List<String> network,
			@Parameter(description = "post, comment, reply, mention, direct_message, listening_hit") @RequestParam(required = false) List<String> kind,
			@Parameter(description = "account id") @RequestParam(required = false) List<String> account,
			@Parameter(description = "show id or slug") @RequestParam(required = false) List<String> show,
			@Parameter(description = "created at or after: ISO-8601 instant, date, or epoch millis") @RequestParam(required = false) String since,
			@Parameter(description = "created before") @RequestParam(required = false) String until,
			@Parameter(description = "free text, searched in the archive") @RequestParam(required = false) String q,
			@Parameter(description = "open, done, snoozed; default: every status") @RequestParam(required = false) List<String> status,
			@Parameter(description = "negative, neutral, positive") @RequestParam(required = false) List<String> sentiment,
			@Parameter(description = "ISO 639-1 language, e.g. fr, en") @RequestParam(required = false) List<String> lang,
			@Parameter(description = "user id, me, or none") @RequestParam(required = false) String assignee,
			@Parameter(description = "a tag") @RequestParam(required = false) String tag,
			@Parameter(description = "a listening query id: only items it matched") @RequestParam(required = false) String query,
			@Parameter(description = "time (default) or priority") @RequestParam(required = false) String order,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		Actor actor = access.current();
		InboxFilter filter = views.resolveMe(views.filter(params, Set.of()), actor);
		ItemPage page = this.query.page(Visibility.of(actor), filter, false, cursor, limit == null ? settings.pageSize() : limit);
		return new PageJson(page.items().stream().map(ItemJson::of).toList(), page.nextCursor());
	}

	@GetMapping("/api/v1/items/{id}")
	@Operation(summary = "One item with its thread and our replies")
	ThreadJson one(@PathVariable String id, HttpServletRequest request) {
		Actor actor = access.current();
		Visibility visibility = Visibility.of(actor);
		InboxItem item = visible(visibility, id);
		List<InboxItem> thread = query.thread(visibility, item);
		return new ThreadJson(ItemJson.of(item), thread.stream().map(ItemJson::of).toList(),
				replies.ofItems(thread.stream().map(InboxItem::id).toList()).stream().map(r -> ReplyJson.of(r, words(request))).toList());
	}

	@PostMapping("/api/v1/items/{id}/reply")
	@Operation(summary = "Reply through the item's account", description = """
			Body {"text": …}. Answers 202 with the reply in state sending; follow it with GET /api/v1/replies/{id} \
			until it is sent or failed (with the network's reason).""")
	ResponseEntity<ReplyJson> reply(@PathVariable String id, @RequestBody Map<String, Object> body,
			HttpServletRequest request) {
		Actor actor = access.current();
		Object text = body.get("text");
		if (!(text instanceof String s)) {
			throw new IllegalArgumentException("text is required");
		}
		Reply reply = replies.send(actor, id, access.currentUser().map(u -> u.displayName()).orElse("API"), s);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(ReplyJson.of(reply, words(request)));
	}

	@GetMapping("/api/v1/replies/{id}")
	@Operation(summary = "One of our replies with its delivery state")
	ReplyJson replyState(@PathVariable String id, HttpServletRequest request) {
		Actor actor = access.current();
		Reply reply = replies.find(id).orElseThrow(() -> new NotFoundException("inbox.reply.unknown"));
		visible(Visibility.of(actor), reply.itemId());
		return ReplyJson.of(reply, words(request));
	}

	@PostMapping("/api/v1/replies/{id}/retry")
	@Operation(summary = "Send a failed reply again (same idempotency key)")
	ResponseEntity<ReplyJson> retry(@PathVariable String id, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(ReplyJson.of(replies.retry(access.current(), id), words(request)));
	}

	/** The API's language for a failed reply's reason: English unless {@code Accept-Language} asks otherwise. */
	private Messages words(HttpServletRequest request) {
		return Messages.forApi(messages, request);
	}

	@PatchMapping("/api/v1/items/{id}")
	@Operation(summary = "Triage an item", description = """
			Body with any of: "status" (open, done, snoozed; snoozed needs "snoozedUntil", an ISO-8601 instant), \
			"assignee" (a user id, or null to unassign), "tags" (the complete list).""")
	ItemJson patch(@PathVariable String id, @RequestBody Map<String, Object> body) {
		Actor actor = access.current();
		visible(Visibility.of(actor), id);
		actor.requireWrite();
		if (body.containsKey("status")) {
			ItemStatus status = ItemStatus.fromId(String.valueOf(body.get("status")))
				.orElseThrow(() -> new IllegalArgumentException("status must be open, done or snoozed"));
			if (status == ItemStatus.SNOOZED) {
				Object until = body.get("snoozedUntil");
				if (!(until instanceof String u)) {
					throw new IllegalArgumentException("snoozedUntil is required to snooze");
				}
				try {
					triage.snooze(actor, List.of(id), Instant.parse(u));
				}
				catch (DateTimeParseException e) {
					throw new IllegalArgumentException("snoozedUntil must be an ISO-8601 instant");
				}
			}
			else {
				triage.setStatus(actor, List.of(id), status);
			}
		}
		if (body.containsKey("assignee")) {
			Object assignee = body.get("assignee");
			triage.assign(actor, List.of(id), assignee == null ? null : UserId.of(String.valueOf(assignee)));
		}
		if (body.containsKey("tags")) {
			if (!(body.get("tags") instanceof Collection<?> tags)) {
				throw new IllegalArgumentException("tags must be a list");
			}
			Set<String> clean = new LinkedHashSet<>();
			tags.forEach(t -> clean.add(String.valueOf(t)));
			triage.setTags(actor, id, clean);
		}
		return ItemJson.of(visible(Visibility.of(actor), id));
	}

	private InboxItem visible(Visibility visibility, String id) {
		return query.find(visibility, id).orElseThrow(() -> new NotFoundException("inbox.item-unknown"));
	}
}
