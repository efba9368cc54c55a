/**
 * Reddit's OAuth API: username mentions and replies from the inbox, private messages, search of
 * posts for listening, reply, vote, delete own and (moderators) remove; a descriptive
 * User-Agent on every request and at most 100 requests a minute per OAuth client, counted here
 * and checked against Reddit's {@code X-Ratelimit-*} headers.
 */
@NullMarked
package org.vigie.connectors.reddit;

import org.jspecify.annotations.NullMarked;
