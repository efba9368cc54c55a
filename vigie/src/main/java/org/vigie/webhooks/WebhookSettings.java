package org.vigie.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The webhook secrets (from the environment, never from a file in the repository) and limits.
 *
 * @param metaAppSecret the Meta app secret that signs Facebook and Instagram deliveries ({@code VIGIE_META_APP_SECRET}); blank refuses them all
 * @param metaVerifyToken the token Meta repeats in the subscription handshake ({@code VIGIE_META_VERIFY_TOKEN})
 * @param xConsumerSecret the X app's consumer secret, for the CRC and signatures ({@code VIGIE_X_CONSUMER_SECRET})
 * @param maxAge a delivery older than this is a replay: Meta retries for up to 36 hours
 * @param maxBytes the largest delivery accepted (Meta batches up to 1,000 changes)
 */
@ConfigurationProperties("vigie.webhooks")
public record WebhookSettings(@DefaultValue("") String metaAppSecret, @DefaultValue("") String metaVerifyToken,
		@DefaultValue("") String xConsumerSecret, @DefaultValue("37h") Duration maxAge,
		@DefaultValue("2000000") int maxBytes) {
}
