/**
 * Facebook Pages through the Graph API (plain HTTP over the JDK client, see
 * {@link org.vigie.connectors.graph.GraphClient}): the Page's own posts, visitor posts and posts
 * that tag the Page, comments in stream order with their replies, Messenger conversations, page
 * and post insights; reply (Messenger only within the 24-hour window), hide, delete and like.
 */
@NullMarked
package org.vigie.connectors.facebook;

import org.jspecify.annotations.NullMarked;
