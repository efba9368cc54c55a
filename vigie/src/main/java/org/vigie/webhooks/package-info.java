/**
 * The networks' push channels: Facebook and Instagram webhooks ({@code X-Hub-Signature-256}, the
 * {@code hub.challenge} handshake) and X's ({@code crc_token} challenge,
 * {@code x-twitter-webhooks-signature}). A delivery is verified in constant time before anything
 * else; a bad or missing signature, a replayed or stale delivery is refused, logged, and leaves
 * nothing behind. An accepted delivery is queued, answered at once, then read by the network's
 * {@link org.vigie.connectors.PushReader} and fed to ingestion like a polled page, so that pushed
 * and polled items are one item. Polling stays the safety net.
 */
@NullMarked
package org.vigie.webhooks;

import org.jspecify.annotations.NullMarked;
