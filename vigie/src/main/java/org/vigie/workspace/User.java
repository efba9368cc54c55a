package org.vigie.workspace;

import java.util.Objects;
import java.util.Set;

import org.vigie.shared.ShowId;
import org.vigie.shared.UserId;

/**
 * A person who uses Vigie.
 *
 * @param shows the shows given to this user; ignored for roles that {@link Role#seesAllShows() see all shows}
 * @param active false until an invited user has chosen a password, or after an admin disabled them
 */
public record User(UserId id, String email, String displayName, Role role, String locale, boolean active,
		Set<ShowId> shows) {

	public User {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(role, "role");
		shows = Set.copyOf(shows);
	}

	/** True if this user may see the show. */
	public boolean sees(ShowId show) {
		return role.seesAllShows() || shows.contains(show);
	}
}
