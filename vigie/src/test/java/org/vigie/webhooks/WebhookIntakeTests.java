package org.vigie.webhooks;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.vigie.connectors.support.ApiReference;
import org.vigie.connectors.support.MutableClock;
import org.vigie.shared.Network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class WebhookIntakeTests {

	final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1795641245).plus(Duration.ofHours(1)));

	final Deliveries deliveries = mock(Deliveries.class);

	final WebhookIntake intake = new WebhookIntake(new WebhookSettings("vigie-test-app-secret", "vigie-verify-token",
			"vigie-test-consumer-secret", Duration.ofHours(37), 2_000_000), deliveries, clock);

	final byte[] body = ApiReference.bytes("facebook/samples/webhook-feed-comment-add.json");

	final String signature = "sha256=320cedb149b4fdd29bed4ad16e9d9c455dfeb14f2330bd97c4f5f4a841f605f0";

	@Test
	void queuesAFreshSignedDelivery() {
		when(deliveries.enqueue(Network.FACEBOOK, body)).thenReturn(true);
		assertThat(intake.meta(Network.FACEBOOK, body, signature)).isEqualTo(WebhookIntake.Outcome.ACCEPTED);
	}

	@Test
	void refusesADeliveryOlderThanMetaStillRetries() {
		clock.advance(Duration.ofHours(37));
		assertThat(intake.meta(Network.FACEBOOK, body, signature)).isEqualTo(WebhookIntake.Outcome.STALE);
		verify(deliveries, never()).enqueue(any(), any());
	}

	@Test
	void refusesAReplay() {
		when(deliveries.enqueue(Network.FACEBOOK, body)).thenReturn(false);
		assertThat(intake.meta(Network.FACEBOOK, body, signature)).isEqualTo(WebhookIntake.Outcome.REPLAYED);
	}

	@Test
	void refusesEverythingWithoutAConfiguredSecret() {
		WebhookIntake unconfigured = new WebhookIntake(new WebhookSettings("", "", "", Duration.ofHours(37), 2_000_000),
				deliveries, clock);
		assertThat(unconfigured.meta(Network.FACEBOOK, body, signature).status()).isEqualTo(403);
		assertThat(unconfigured.metaHandshake("subscribe", "", "123")).isEmpty();
		assertThat(unconfigured.xCrc("abc")).isEmpty();
		verify(deliveries, never()).enqueue(any(), any());
	}

	@Test
	void checksTheSignatureBeforeReadingTheBody() {
		assertThat(intake.meta(Network.FACEBOOK, "not json".getBytes(), signature)).isEqualTo(WebhookIntake.Outcome.BAD_SIGNATURE);
		assertThat(intake.meta(Network.FACEBOOK, body, null)).isEqualTo(WebhookIntake.Outcome.MISSING_SIGNATURE);
	}
}
