package org.vigie.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigie.shared.Ids;

/**
 * The append-only record of who changed what: users, roles, show grants, shows, accounts, tokens.
 * Each entry is also logged, in words.
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records one change.
	 * @param actor who made it; null for the system (first-run setup, environment bootstrap)
	 * @param action what happened, as a dotted verb such as {@code user.invited}
	 * @param targetType the kind of thing changed, e.g. {@code user}, {@code show}
	 * @param targetId its id
	 * @param details a short human-readable description (no secrets)
	 */
	public void record(@Nullable Actor actor, String action, String targetType, String targetId, String details) {
		jdbc.sql("""
				INSERT INTO audit_log (id, at, actor_id, actor_email, action, target_type, target_id, details)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Ids.next().toString(), clock.millis(), actor == null ? null : actor.id(),
					actor == null ? "system" : actor.email(), action, targetType, targetId,
					details.length() > 4000 ? details.substring(0, 4000) : details)
			.update();
		log.info("Audit: {} did {} on {} {}: {}", actor == null ? "system" : actor.email(), action, targetType, targetId,
				details);
	}

	/** The most recent entries, newest first. */
	public List<Entry> recent(int limit) {
		return jdbc.sql("SELECT at, actor_email, action, target_type, target_id, details FROM audit_log ORDER BY at DESC, id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new Entry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/** Who acted. */
	public record Actor(String id, String email) {
	}

	/** One line of the audit log. */
	public record Entry(Instant at, @Nullable String actor, String action, @Nullable String targetType,
			@Nullable String targetId, @Nullable String details) {
	}
}
