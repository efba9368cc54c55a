package org.vigie.web;

/**
 * The signed-in person as the shell shows them.
 *
 * @param locale {@code fr} or {@code en}
 * @param roleKey the message key of their role's name
 */
public record Viewer(String id, String displayName, String email, String roleKey, String locale, boolean admin,
		boolean manager, boolean canWrite) {
}
