package org.vigie.workspace;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.shared.ShowId;
import org.vigie.shared.UserId;

/**
 * Manages users: the first admin, invitations, roles, show grants, language, passwords. Every change
 * an admin makes is written to the {@link AuditLog}. Methods that take an {@code actor} check that
 * the actor may make the change and throw {@link org.springframework.security.access.AccessDeniedException}
 * otherwise.
 */
@Service
public class Team {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final TeamSettings settings;

	private final Clock clock;

	Team(UserRepository users, PasswordEncoder passwords, AuditLog audit, TeamSettings settings, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** True when no user exists yet: the first-run setup is open. */
	public boolean isEmpty() {
		return users.count() == 0;
	}

	public List<User> all() {
		return users.findAll();
	}

	public Optional<User> find(UserId id) {
		return users.findById(id);
	}

	public Optional<User> findByEmail(String email) {
		return users.findByEmail(email);
	}

	/**
	 * Creates the first admin. Only works while no user exists.
	 * @throws IllegalStateException if a user already exists
	 * @throws IllegalArgumentException with a message key if the email or password is unacceptable
	 */
	@Transactional
	public User createFirstAdmin(String email, String displayName, String password) {
		if (!isEmpty()) {
			throw new IllegalStateException("Setup is closed: an admin already exists");
		}
		PasswordPolicy.check(password);
		User admin = new User(UserId.generate(), checkEmail(email), displayName.isBlank() ? email : displayName.trim(),
				Role.ADMIN, "fr", true, Set.of());
		users.insert(admin, passwords.encode(password), clock.instant());
		audit.record(null, "user.created", "user", admin.id().toString(), "first admin " + admin.email());
		return admin;
	}

	/**
	 * Invites a user: creates them without a password and returns the one-time secret of their
	 * invitation link (valid {@link TeamSettings#inviteValidity()}).
	 */
	@Transactional
	public Invitation invite(Actor actor, String email, String displayName, Role role, Set<ShowId> shows) {
		actor.requireAdmin();
		String normalised = checkEmail(email);
		if (users.findByEmail(normalised).isPresent()) {
			throw new IllegalArgumentException("user.exists");
		}
		User user = new User(UserId.generate(), normalised, displayName.isBlank() ? normalised : displayName.trim(), role,
				"fr", false, shows);
		users.insert(user, null, clock.instant());
		String secret = Tokens.random("inv_");
		users.setInvite(user.id(), Tokens.hash(secret), clock.instant().plus(settings.inviteValidity()));
		audit.record(actor.auditActor(), "user.invited", "user", user.id().toString(),
				user.email() + " as " + role + " on " + shows.size() + " show(s)");
		return new Invitation(user, secret);
	}

	/** Renews the invitation link of a user who has not chosen a password yet. */
	@Transactional
	public Invitation reinvite(Actor actor, UserId id) {
		actor.requireAdmin();
		User user = users.findById(id).orElseThrow(() -> new IllegalArgumentException("user.unknown"));
		String secret = Tokens.random("inv_");
		users.setInvite(id, Tokens.hash(secret), clock.instant().plus(settings.inviteValidity()));
		audit.record(actor.auditActor(), "user.reinvited", "user", id.toString(), user.email());
		return new Invitation(user, secret);
	}

	/** The user an invitation secret belongs to, if it is valid and not expired. */
	public Optional<User> invited(String secret) {
		return users.findByInvite(Tokens.hash(secret), clock.instant()).flatMap(users::findById);
	}

	/** Sets the password of an invited user and consumes the invitation. */
	@Transactional
	public User acceptInvitation(String secret, String password) {
		PasswordPolicy.check(password);
		UserId id = users.findByInvite(Tokens.hash(secret), clock.instant())
			.orElseThrow(() -> new IllegalArgumentException("invite.invalid"));
		users.setPassword(id, passwords.encode(password));
		User user = users.findById(id).orElseThrow();
		audit.record(new AuditLog.Actor(id.toString(), user.email()), "user.activated", "user", id.toString(), user.email());
		return user;
	}

	@Transactional
	public void changeRole(Actor actor, UserId id, Role role) {
		actor.requireAdmin();
		User user = users.findById(id).orElseThrow(() -> new IllegalArgumentException("user.unknown"));
		if (user.role() == Role.ADMIN && role != Role.ADMIN && countAdmins() == 1) {
			throw new IllegalArgumentException("user.last-admin");
		}
		users.setRole(id, role);
		audit.record(actor.auditActor(), "user.role-changed", "user", id.toString(), user.email() + ": " + user.role() + " → " + role);
	}

	@Transactional
	public void grantShows(Actor actor, UserId id, Set<ShowId> shows) {
		actor.requireAdmin();
		User user = users.findById(id).orElseThrow(() -> new IllegalArgumentException("user.unknown"));
		users.setShows(id, shows);
		audit.record(actor.auditActor(), "user.shows-changed", "user", id.toString(), user.email() + ": " + shows.size() + " show(s)");
	}

	@Transactional
	public void setEnabled(Actor actor, UserId id, boolean enabled) {
		actor.requireAdmin();
		User user = users.findById(id).orElseThrow(() -> new IllegalArgumentException("user.unknown"));
		if (!enabled && user.role() == Role.ADMIN && countAdmins() == 1) {
			throw new IllegalArgumentException("user.last-admin");
		}
		users.setEnabled(id, enabled);
		audit.record(actor.auditActor(), enabled ? "user.enabled" : "user.disabled", "user", id.toString(), user.email());
	}

	/** A user's own language choice ({@code fr} or {@code en}); not audited, it changes nothing for others. */
	public void setLocale(UserId id, String locale) {
		if (!locale.equals("fr") && !locale.equals("en")) {
			throw new IllegalArgumentException("locale.unknown");
		}
		users.setLocale(id, locale);
	}

	private long countAdmins() {
		return users.findAll().stream().filter(u -> u.role() == Role.ADMIN && u.active()).count();
	}

	private static String checkEmail(String email) {
		String normalised = UserRepository.normalise(email);
		if (!normalised.matches("[^@\\s]+@[^@\\s]+") || normalised.length() > 320) {
			throw new IllegalArgumentException("email.invalid");
		}
		return normalised;
	}

	/** An invited user and the secret of their one-time link (shown once, stored hashed). */
	public record Invitation(User user, String secret) {
	}
}
