package org.vigie.workspace;

import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.shared.ShowId;



/** The shows of the workspace. Changes are made by managers and admins and audited. */
@Service
public class Shows {

	private static final String[] PALETTE = { "#3b5bdb", "#c2255c", "#2b8a3e", "#e8590c", "#7048e8", "#0c8599",
			"#5c940d", "#a61e4d" };

	private final JdbcClient jdbc;

	private final Workspaces workspaces;

	private final AuditLog audit;

	private final Clock clock;

	Shows(JdbcClient jdbc, Workspaces workspaces, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every show of the workspace, by name. */
	public List<Show> all() {
		return jdbc.sql("SELECT id, workspace_id, name, slug, color FROM shows WHERE workspace_id = ? ORDER BY name")
			.param(workspaces.current().toString())
			.query((rs, n) -> new Show(ShowId.of(rs.getString(1)), workspaces.current(), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/** The shows {@code actor} may see, by name. */
	public List<Show> visibleTo(Actor actor) {
		return all().stream().filter(s -> actor.sees(s.id())).toList();
	}

	public Optional<Show> find(ShowId id) {
		return all().stream().filter(s -> s.id().equals(id)).findFirst();
	}

	public Optional<Show> findBySlug(String slug) {
		return all().stream().filter(s -> s.slug().equals(slug)).findFirst();
	}

	/**
	 * Creates a show.
	 * @throws IllegalArgumentException with a message key if the name is blank or already taken
	 */
	@Transactional
	public Show create(Actor actor, String name) {
		actor.requireShowManager();
		String trimmed = name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 200) {
			throw new IllegalArgumentException("show.name-required");
		}
		String slug = slug(trimmed);
		if (findBySlug(slug).isPresent()) {
			throw new IllegalArgumentException("show.exists");
		}
		Show show = new Show(ShowId.generate(), workspaces.current(), trimmed, slug, PALETTE[all().size() % PALETTE.length]);
		jdbc.sql("INSERT INTO shows (id, workspace_id, name, slug, color, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(show.id().toString(), show.workspace().toString(), show.name(), show.slug(), show.color(), clock.millis())
			.update();
		audit.record(actor.auditActor(), "show.created", "show", show.id().toString(), show.name());
		return show;
	}

	/** Renames a show; its slug stays, so bookmarked filters keep working. */
	@Transactional
	public void rename(Actor actor, ShowId id, String name) {
		actor.requireShowManager();
		Show show = find(id).orElseThrow(() -> new IllegalArgumentException("show.unknown"));
		String trimmed = name.trim();
		if (trimmed.isEmpty() || trimmed.length() > 200) {
			throw new IllegalArgumentException("show.name-required");
		}
		jdbc.sql("UPDATE shows SET name = ? WHERE id = ?").params(trimmed, id.toString()).update();
		audit.record(actor.auditActor(), "show.renamed", "show", id.toString(), show.name() + " → " + trimmed);
	}

	/** A URL-safe ASCII form of a name: « Le Grand Débat ! » becomes {@code le-grand-debat}. */
	static String slug(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.isEmpty() ? "show" : (slug.length() > 100 ? slug.substring(0, 100) : slug);
	}
}
