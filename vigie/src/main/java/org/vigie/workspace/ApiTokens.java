package org.vigie.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigie.shared.Ids;
import org.vigie.shared.UserId;

/**
 * Personal access tokens for the REST API ({@code Authorization: Bearer vg_…}). The secret is
 * shown once at creation and stored as a SHA-256 hash; a token acts with its owner's current role
 * and show grants, and stops working when revoked or when its owner is disabled.
 */
@Service
public class ApiTokens {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Creates a token for {@code owner}; the returned secret is not stored and cannot be shown again. */
	public Created create(UserId owner, String ownerEmail, String name) {
		String secret = Tokens.random("vg_");
		String id = Ids.next().toString();
		String label = name.isBlank() ? "API" : name.trim();
		jdbc.sql("INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, owner.toString(), label.length() > 200 ? label.substring(0, 200) : label, Tokens.hash(secret),
					secret.substring(0, 10), clock.millis())
			.update();
		audit.record(new AuditLog.Actor(owner.toString(), ownerEmail), "token.created", "token", id, label);
		return new Created(id, secret);
	}

	/**
	 * The owner of a valid, unrevoked token, recording its use; empty otherwise. The use is written at
	 * most once per token and minute (the first use in a minute), which is what Settings shows: a
	 * script's burst of requests does not queue a write behind every read.
	 */
	public Optional<UserId> authenticate(String secret) {
		if (!secret.startsWith("vg_")) {
			return Optional.empty();
		}
		String hash = Tokens.hash(secret);
		Optional<Found> found = jdbc.sql("SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")
			.param(hash)
			.query((rs, n) -> new Found(rs.getString(1), rs.getString(2), instant(rs.getObject(3))))
			.optional();
		long now = clock.millis();
		long minute = now - Math.floorMod(now, 60_000L);
		// The condition is repeated in the UPDATE for a request of the same burst that read the row first.
		found.filter(token -> token.lastUsedAt() == null || token.lastUsedAt().toEpochMilli() < minute)
			.ifPresent(token -> jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
				.params(now, token.id(), minute)
				.update());
		return found.map(token -> UserId.of(token.userId()));
	}

	private record Found(String id, String userId, @Nullable Instant lastUsedAt) {
	}

	/** The tokens of one user, newest first, without their secrets. */
	public List<Token> of(UserId owner) {
		return jdbc.sql("SELECT id, name, prefix, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC")
			.param(owner.toString())
			.query((rs, n) -> new Token(rs.getString(1), rs.getString(2), rs.getString(3),
					Instant.ofEpochMilli(rs.getLong(4)), instant(rs.getObject(5)), instant(rs.getObject(6))))
			.list();
	}

	/**
	 * Revokes a token of {@code owner}.
	 * @return false if no such token belongs to that user
	 */
	public boolean revoke(UserId owner, String ownerEmail, String tokenId) {
		int changed = jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
			.params(clock.millis(), tokenId, owner.toString())
			.update();
		if (changed > 0) {
			audit.record(new AuditLog.Actor(owner.toString(), ownerEmail), "token.revoked", "token", tokenId, "");
		}
		return changed > 0;
	}

	private static @Nullable Instant instant(@Nullable Object millis) {
		return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
	}

	/** A new token: its id and its secret, shown once. */
	public record Created(String id, String secret) {
	}

	/** A token as listed in Settings. */
	public record Token(String id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt) {

		public boolean active() {
			return revokedAt == null;
		}
	}
}
