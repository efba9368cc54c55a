package org.vigie.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.shared.Ids;
import org.vigie.shared.ShowId;
import org.vigie.shared.UserId;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

/**
 * The team's work on items: status (open, done, snoozed until a time), assignment, tags and notes,
 * one item or a selection at once. Every method checks that the actor may change things
 * ({@link Actor#requireWrite()}, else {@link org.springframework.security.access.AccessDeniedException})
 * and may see the item (else {@link NotFoundException}, so that an item of another show is a 404).
 * Publishes {@link ItemChanged} after each change.
 */
@Service
public class Triage {

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_\\-:.]{1,50}");

	private final JdbcClient jdbc;

	private final InboxQuery query;

	private final Team team;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Triage(JdbcClient jdbc, InboxQuery query, Team team, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.query = query;
		this.team = team;
		this.events = events;
		this.clock = clock;
	}

	/** Marks items done, or open again. */
	@Transactional
	public void setStatus(Actor actor, Collection<String> ids, ItemStatus status) {
		if (status == ItemStatus.SNOOZED) {
			throw new IllegalArgumentException("inbox.snooze-needs-time");
		}
		for (String id : checked(actor, ids)) {
			jdbc.sql("UPDATE items SET status = ?, snoozed_until = NULL WHERE id = ?").params(status.name(), id).update();
			events.publishEvent(new ItemChanged(id, "status"));
		}
	}

	/**
	 * Snoozes items until {@code until}: they leave the open stream and come back then.
	 * @throws IllegalArgumentException if {@code until} is not in the future
	 */
	@Transactional
	public void snooze(Actor actor, Collection<String> ids, Instant until) {
		if (!until.isAfter(clock.instant())) {
			throw new IllegalArgumentException("inbox.snooze-past");
		}
		for (String id : checked(actor, ids)) {
			jdbc.sql("UPDATE items SET status = ?, snoozed_until = ? WHERE id = ?")
				.params(ItemStatus.SNOOZED.name(), until.toEpochMilli(), id)
				.update();
			events.publishEvent(new ItemChanged(id, "status"));
		}
	}

	/**
	 * Assigns items to a user who may see them, or to nobody.
	 * @param assignee null to unassign
	 * @throws IllegalArgumentException if the user is unknown, inactive or may not see one of the items
	 */
	@Transactional
	public void assign(Actor actor, Collection<String> ids, @Nullable UserId assignee) {
		List<String> checked = checked(actor, ids);
		User user = null;
		if (assignee != null) {
			user = team.find(assignee).filter(User::active).orElseThrow(() -> new IllegalArgumentException("inbox.assignee-unknown"));
		}
		for (String id : checked) {
			if (user != null) {
				String show = query.find(Visibility.EVERYTHING, id).map(InboxItem::showId).orElse(null);
				if (!user.role().seesAllShows() && (show == null || !user.shows().contains(ShowId.of(show)))) {
					throw new IllegalArgumentException("inbox.assignee-no-access");
				}
			}
			jdbc.sql("UPDATE items SET assignee_id = ? WHERE id = ?").params(assignee == null ? null : assignee.toString(), id).update();
			events.publishEvent(new ItemChanged(id, "assignee"));
		}
	}

	/**
	 * Adds a tag to items.
	 * @throws IllegalArgumentException if the tag is empty, longer than 50 or has characters other than letters, digits, {@code _-:.}
	 */
	@Transactional
	public void tag(Actor actor, Collection<String> ids, String tag) {
		String clean = normaliseTag(tag);
		for (String id : checked(actor, ids)) {
			jdbc.sql("""
					INSERT INTO item_tags (item_id, tag, created_at, item_created_at)
					SELECT id, ?, ?, created_at FROM items WHERE id = ? ON CONFLICT (item_id, tag) DO NOTHING""")
				.params(clean, clock.millis(), id)
				.update();
			events.publishEvent(new ItemChanged(id, "tags"));
		}
	}

	/** Removes a tag from items; nothing happens where it is absent. */
	@Transactional
	public void untag(Actor actor, Collection<String> ids, String tag) {
		String clean = normaliseTag(tag);
		for (String id : checked(actor, ids)) {
			jdbc.sql("DELETE FROM item_tags WHERE item_id = ? AND tag = ?").params(id, clean).update();
			events.publishEvent(new ItemChanged(id, "tags"));
		}
	}

	/** Replaces the tags of an item (the API's PATCH). */
	@Transactional
	public void setTags(Actor actor, String id, Set<String> tags) {
		checked(actor, List.of(id));
		List<String> clean = tags.stream().map(Triage::normaliseTag).distinct().toList();
		jdbc.sql("DELETE FROM item_tags WHERE item_id = ?").param(id).update();
		for (String tag : clean) {
			jdbc.sql("INSERT INTO item_tags (item_id, tag, created_at, item_created_at) SELECT id, ?, ?, created_at FROM items WHERE id = ?")
				.params(tag, clock.millis(), id)
				.update();
		}
		events.publishEvent(new ItemChanged(id, "tags"));
	}

	/**
	 * Adds an internal note to an item; it also shows in the panel of the item's author.
	 * @throws IllegalArgumentException if the note is blank or longer than 4000 characters
	 */
	@Transactional
	public void note(Actor actor, String id, String userName, String text) {
		InboxItem item = query.find(Visibility.of(actor), id).orElseThrow(() -> new NotFoundException("inbox.item-unknown"));
		actor.requireWrite();
		insertNote(actor, id, item.author().id(), userName, text);
		events.publishEvent(new ItemChanged(id, "notes"));
	}

	/** Adds an internal note about an author, from the author panel of an item the actor may see. */
	@Transactional
	public void noteAuthor(Actor actor, String itemId, String userName, String text) {
		InboxItem item = query.find(Visibility.of(actor), itemId).orElseThrow(() -> new NotFoundException("inbox.item-unknown"));
		actor.requireWrite();
		if (item.author().id() == null) {
			throw new IllegalArgumentException("inbox.author-unknown");
		}
		insertNote(actor, null, item.author().id(), userName, text);
	}

	/** The notes on an item, oldest first. */
	public List<Note> notesOfItem(String itemId) {
		return jdbc.sql("SELECT user_name, text, created_at FROM inbox_notes WHERE item_id = ? ORDER BY created_at, id")
			.param(itemId)
			.query((rs, n) -> new Note(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
			.list();
	}

	/** The notes about an author (on any of their items or on them), newest first. */
	public List<Note> notesOfAuthors(Collection<String> authorIds) {
		if (authorIds.isEmpty()) {
			return List.of();
		}
		String marks = String.join(", ", Collections.nCopies(authorIds.size(), "?"));
		return jdbc.sql("SELECT user_name, text, created_at FROM inbox_notes WHERE author_id IN (" + marks
				+ ") ORDER BY created_at DESC, id DESC LIMIT 50")
			.params(List.copyOf(authorIds))
			.query((rs, n) -> new Note(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
			.list();
	}

	@Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
	void wakeSnoozedOnSchedule() {
		wakeSnoozed();
	}

	/** Brings back snoozed items whose time has come; returns how many. Runs every 15 seconds. */
	public int wakeSnoozed() {
		List<String> due = jdbc.sql("SELECT id FROM items WHERE status = ? AND snoozed_until <= ?")
			.params(ItemStatus.SNOOZED.name(), clock.millis())
			.query(String.class)
			.list();
		for (String id : due) {
			jdbc.sql("UPDATE items SET status = ?, snoozed_until = NULL WHERE id = ? AND status = ?")
				.params(ItemStatus.OPEN.name(), id, ItemStatus.SNOOZED.name())
				.update();
			events.publishEvent(new ItemChanged(id, "status"));
		}
		return due.size();
	}

	private void insertNote(Actor actor, @Nullable String itemId, @Nullable String authorId, String userName, String text) {
		String clean = text.strip();
		if (clean.isEmpty() || clean.length() > 4000) {
			throw new IllegalArgumentException("inbox.note-invalid");
		}
		jdbc.sql("INSERT INTO inbox_notes (id, item_id, author_id, user_id, user_name, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(Ids.next().toString(), itemId, authorId, actor.id().toString(), userName, clean, clock.millis())
			.update();
	}

	/** The ids, after checking the actor may write and see every one of them. */
	private List<String> checked(Actor actor, Collection<String> ids) {
		actor.requireWrite();
		if (ids.isEmpty()) {
			throw new IllegalArgumentException("inbox.selection-empty");
		}
		Visibility visibility = Visibility.of(actor);
		List<String> out = ids.stream().distinct().toList();
		for (String id : out) {
			if (query.find(visibility, id).isEmpty()) {
				throw new NotFoundException("inbox.item-unknown");
			}
		}
		return out;
	}

	static String normaliseTag(String tag) {
		String clean = tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
		if (!TAG.matcher(clean).matches()) {
			throw new IllegalArgumentException("inbox.tag-invalid");
		}
		return clean;
	}

	/** An internal note. */
	public record Note(String userName, String text, Instant at) {
	}

	/** Something about an item changed (status, assignee, tags, notes, replies, actions). */
	public record ItemChanged(String itemId, String what) {
	}
}
