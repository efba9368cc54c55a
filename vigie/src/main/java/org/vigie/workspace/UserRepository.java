package org.vigie.workspace;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.shared.ShowId;
import org.vigie.shared.UserId;

/** Users, their password hashes, per-show grants and login-failure counters. */
@Repository
class UserRepository {

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
	}

	List<User> findAll() {
		return jdbc.sql("SELECT id FROM users ORDER BY email").query(String.class).list().stream()
			.map(id -> findById(UserId.of(id)).orElseThrow())
			.toList();
	}

	Optional<User> findById(UserId id) {
		return jdbc.sql("SELECT id, email, display_name, role, locale, enabled, password_hash FROM users WHERE id = ?")
			.param(id.toString())
			.query((rs, n) -> new User(UserId.of(rs.getString("id")), rs.getString("email"), rs.getString("display_name"),
					Role.valueOf(rs.getString("role")), rs.getString("locale"),
					rs.getBoolean("enabled") && rs.getString("password_hash") != null, shows(id)))
			.optional();
	}

	Optional<User> findByEmail(String email) {
		return jdbc.sql("SELECT id FROM users WHERE email = ?")
			.param(normalise(email))
			.query(String.class)
			.optional()
			.flatMap(id -> findById(UserId.of(id)));
	}

	Optional<Credentials> credentials(String email) {
		return jdbc.sql("SELECT id, password_hash, enabled, failed_logins, locked_until FROM users WHERE email = ?")
			.param(normalise(email))
			.query((rs, n) -> new Credentials(UserId.of(rs.getString("id")), rs.getString("password_hash"),
					rs.getBoolean("enabled"), rs.getInt("failed_logins"),
					rs.getObject("locked_until") == null ? null : Instant.ofEpochMilli(rs.getLong("locked_until"))))
			.optional();
	}

	void insert(User user, @Nullable String passwordHash, Instant now) {
		jdbc.sql("""
				INSERT INTO users (id, email, display_name, password_hash, role, locale, enabled, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(user.id().toString(), normalise(user.email()), user.displayName(), passwordHash, user.role().name(),
					user.locale(), true, now.toEpochMilli())
			.update();
		setShows(user.id(), user.shows());
	}

	void setPassword(UserId id, String passwordHash) {
		jdbc.sql("UPDATE users SET password_hash = ?, invite_token_hash = NULL, invite_expires_at = NULL, failed_logins = 0, locked_until = NULL WHERE id = ?")
			.params(passwordHash, id.toString())
			.update();
	}

	void setInvite(UserId id, String tokenHash, Instant expires) {
		jdbc.sql("UPDATE users SET invite_token_hash = ?, invite_expires_at = ? WHERE id = ?")
			.params(tokenHash, expires.toEpochMilli(), id.toString())
			.update();
	}

	Optional<UserId> findByInvite(String tokenHash, Instant now) {
		return jdbc.sql("SELECT id FROM users WHERE invite_token_hash = ? AND invite_expires_at > ?")
			.params(tokenHash, now.toEpochMilli())
			.query(String.class)
			.optional()
			.map(UserId::of);
	}

	void setRole(UserId id, Role role) {
		jdbc.sql("UPDATE users SET role = ? WHERE id = ?").params(role.name(), id.toString()).update();
	}

	void setEnabled(UserId id, boolean enabled) {
		jdbc.sql("UPDATE users SET enabled = ? WHERE id = ?").params(enabled, id.toString()).update();
	}

	void setLocale(UserId id, String locale) {
		jdbc.sql("UPDATE users SET locale = ? WHERE id = ?").params(locale, id.toString()).update();
	}

	void setShows(UserId id, Set<ShowId> shows) {
		jdbc.sql("DELETE FROM user_shows WHERE user_id = ?").param(id.toString()).update();
		for (ShowId show : shows) {
			jdbc.sql("INSERT INTO user_shows (user_id, show_id) VALUES (?, ?)").params(id.toString(), show.toString()).update();
		}
	}

	void recordFailure(UserId id, int failures, @Nullable Instant lockedUntil) {
		jdbc.sql("UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?")
			.params(failures, lockedUntil == null ? null : lockedUntil.toEpochMilli(), id.toString())
			.update();
	}

	void clearFailures(UserId id) {
		jdbc.sql("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id.toString()).update();
	}

	private Set<ShowId> shows(UserId id) {
		return new HashSet<>(jdbc.sql("SELECT show_id FROM user_shows WHERE user_id = ?")
			.param(id.toString())
			.query((rs, n) -> ShowId.of(rs.getString(1)))
			.list());
	}

	static String normalise(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

	/** What login needs to know about a user. */
	record Credentials(UserId id, @Nullable String passwordHash, boolean enabled, int failedLogins,
			@Nullable Instant lockedUntil) {
	}
}
