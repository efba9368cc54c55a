package org.vigie.web;

import java.util.List;

/**
 * Browser {@code POST}s that change only what belongs to the signed-in user (their saved views,
 * where they are looking), contributed as a bean by the feature that serves them. Every signed-in
 * role may send them, read-only analysts included; every other change still needs write access.
 * The controller behind such a path must touch nothing shared.
 *
 * @param paths Ant-style path patterns, e.g. {@code /inbox/presence}
 */
public record PersonalRequests(List<String> paths) {

	public PersonalRequests {
		paths = List.copyOf(paths);
	}
}
