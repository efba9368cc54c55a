package org.vigie.inbox;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigie.shared.Ids;
import org.vigie.workspace.Actor;

/** Each user's saved views of the inbox: a name and the filter's URL parameters. */
@Service
public class SavedViews {

	private final JdbcClient jdbc;

	private final Clock clock;

	SavedViews(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The actor's views, by name. */
	public List<View> of(Actor actor) {
		return jdbc.sql("SELECT id, name, query FROM inbox_saved_views WHERE user_id = ? ORDER BY name")
			.param(actor.id().toString())
			.query((rs, n) -> new View(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * Saves (or replaces, by name) a view of the actor's. Analysts may save views too: it changes nothing shared.
	 * @throws IllegalArgumentException if the name is blank or longer than 100 characters
	 */
	public View save(Actor actor, String name, InboxFilter filter) {
		String clean = name.strip();
		if (clean.isEmpty() || clean.length() > 100) {
			throw new IllegalArgumentException("inbox.view.name-invalid");
		}
		String id = Ids.next().toString();
		String query = filter.toQueryString();
		jdbc.sql("""
				INSERT INTO inbox_saved_views (id, user_id, name, query, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (user_id, name) DO UPDATE SET query = excluded.query""")
			.params(id, actor.id().toString(), clean, query, clock.millis())
			.update();
		return of(actor).stream().filter(v -> v.name().equals(clean)).findFirst().orElseThrow();
	}

	/** Deletes one of the actor's views; nothing happens for someone else's. */
	public void delete(Actor actor, String id) {
		jdbc.sql("DELETE FROM inbox_saved_views WHERE id = ? AND user_id = ?").params(id, actor.id().toString()).update();
	}

	/** A saved view; {@code query} is the filter's URL parameters, without {@code ?}. */
	public record View(String id, String name, String query) {
	}
}
