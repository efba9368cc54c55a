package org.vigie.simulator;

import java.util.Objects;

/**
 * Someone on a simulated network: a fan, or the account of a show.
 *
 * @param id the network's id for them (numeric string on X and Mastodon)
 * @param lang the language they mostly write in ({@code fr} or {@code en})
 */
public record SimUser(String id, String handle, String name, long followers, boolean verified, String lang) {

	public SimUser {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(handle, "handle");
		Objects.requireNonNull(name, "name");
	}
}
