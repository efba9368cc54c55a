/**
 * YouTube Data API v3: comment threads on the channel's videos with their replies, moderation
 * (hold for review, publish, reject, delete own), keyword search of videos for listening, video
 * and channel statistics. Every call is counted against the project's daily quota (10,000 units,
 * search in its own bucket of 100 calls), reset at midnight Pacific time.
 */
@NullMarked
package org.vigie.connectors.youtube;

import org.jspecify.annotations.NullMarked;
