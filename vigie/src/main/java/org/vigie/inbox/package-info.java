/**
 * The unified inbox: every comment, mention, reply, DM and listening hit of the shows a user may see,
 * in one live stream ordered by priority or time, with combinable filters, conversation threads,
 * the author's history, triage (status, assignment, tags, notes, snooze), replies and actions sent
 * through the item's connector, saved views and saved replies, and a collision warning when two
 * people work the same item. Serves {@code /inbox} and the items API ({@code /api/v1/items}).
 */
@NullMarked
package org.vigie.inbox;

import org.jspecify.annotations.NullMarked;
