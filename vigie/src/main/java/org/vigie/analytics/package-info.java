/**
 * Analytics. For now: samples of the metrics of our own objects (pages, channels, posts, media,
 * videos) read through each network's {@link org.vigie.connectors.Insights}, stored as the network
 * reported them; a metric the network retired or refuses is stored as unavailable with its
 * reason, never as 0.
 */
@NullMarked
package org.vigie.analytics;

import org.jspecify.annotations.NullMarked;
