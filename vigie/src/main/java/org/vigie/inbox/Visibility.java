package org.vigie.inbox;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.ShowId;
import org.vigie.workspace.Actor;

/**
 * Which items someone may see: every item (admins and managers), or the items of some shows. An
 * item without a show (a listening hit not yet attributed) is visible only to those who see all.
 */
public record Visibility(boolean all, Set<ShowId> shows) {

	public static final Visibility EVERYTHING = new Visibility(true, Set.of());

	public Visibility {
		shows = Set.copyOf(shows);
	}

	public static Visibility of(Actor actor) {
		return actor.role().seesAllShows() ? EVERYTHING : new Visibility(false, actor.shows());
	}

	public boolean sees(@Nullable String showId) {
		return all || (showId != null && shows.contains(ShowId.of(showId)));
	}
}
