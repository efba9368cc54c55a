/**
 * A fake of the YouTube Data API v3 ({@code /sim/youtube/youtube/v3/…}) and of Google's OAuth
 * token endpoint ({@code /sim/youtube/token}): videos are a channel's root posts, comment threads
 * the comments on them (and posts that mention the channel), replies one level deep, daily quota
 * per token with search in its own bucket, Google's error object.
 */
@NullMarked
package org.vigie.simulator.youtube;

import org.jspecify.annotations.NullMarked;
