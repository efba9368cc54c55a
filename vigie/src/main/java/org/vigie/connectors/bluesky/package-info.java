/**
 * Bluesky over the AT Protocol's XRPC: app-password sessions with refresh-token rotation,
 * notifications, the account's posts, search, direct messages through the chat proxy, and replies,
 * likes, hides (threadgates) and deletes written as repository records.
 */
@NullMarked
package org.vigie.connectors.bluesky;

import org.jspecify.annotations.NullMarked;
