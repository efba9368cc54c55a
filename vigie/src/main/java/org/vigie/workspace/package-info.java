/**
 * The workspace and the people in it: its shows (one per TV programme or brand), users and their
 * roles, which shows each may see, personal access tokens for the API, the first-run setup of the
 * first admin, login throttling, and the audit log of every change an admin makes. Other modules
 * ask {@link org.vigie.workspace.Access} who is acting and {@link org.vigie.workspace.Shows} which
 * shows exist.
 */
@NullMarked
package org.vigie.workspace;

import org.jspecify.annotations.NullMarked;
