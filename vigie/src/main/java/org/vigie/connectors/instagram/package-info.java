/**
 * Instagram professional accounts through the Graph API, Facebook-Login flavour (the account is
 * linked to a Facebook Page and read with that Page's token): comments and replies on own media,
 * media that tag the account and @mentions in comments (pushed by webhook, then looked up),
 * hashtag search within Instagram's budget of 30 unique hashtags per 7 days, media and account
 * insights; reply, hide and delete.
 */
@NullMarked
package org.vigie.connectors.instagram;

import org.jspecify.annotations.NullMarked;
