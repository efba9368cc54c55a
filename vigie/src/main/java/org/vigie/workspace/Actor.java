package org.vigie.workspace;

import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.vigie.shared.ShowId;
import org.vigie.shared.UserId;

/**
 * The signed-in user on whose behalf something is done, as seen by the domain. Built from the
 * security context by {@link Access#current()}.
 */
public record Actor(UserId id, String email, Role role, Set<ShowId> shows) {

	public Actor {
		shows = Set.copyOf(shows);
	}

	/** True if this actor may see the show. */
	public boolean sees(ShowId show) {
		return role.seesAllShows() || shows.contains(show);
	}

	/** @throws AccessDeniedException unless the actor may change things */
	public void requireWrite() {
		if (!role.canWrite()) {
			throw new AccessDeniedException("Read-only role");
		}
	}

	/** @throws AccessDeniedException unless the actor is an admin */
	public void requireAdmin() {
		if (!role.managesTeam()) {
			throw new AccessDeniedException("Admins only");
		}
	}

	/** @throws AccessDeniedException unless the actor manages shows and accounts */
	public void requireShowManager() {
		if (!role.managesShows()) {
			throw new AccessDeniedException("Managers and admins only");
		}
	}

	/** @throws AccessDeniedException unless the actor may see the show */
	public void requireShow(ShowId show) {
		if (!sees(show)) {
			throw new AccessDeniedException("No access to this show");
		}
	}

	/** This actor as the audit log names them. */
	public AuditLog.Actor auditActor() {
		return new AuditLog.Actor(id.toString(), email);
	}
}
