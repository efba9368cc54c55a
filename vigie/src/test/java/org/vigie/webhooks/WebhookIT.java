package org.vigie.webhooks;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.vigie.connectors.support.ApiReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webhook endpoints through the real filter chain: the api-reference vectors are accepted;
 * a tampered body, a wrong secret, a missing header and a replay are refused and leave nothing
 * stored. The samples are dated November 2026, so their age limit is lifted here (staleness is
 * {@link WebhookIntakeTests}' business).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("it")
@TestPropertySource(properties = { "vigie.webhooks.meta-app-secret=vigie-test-app-secret",
		"vigie.webhooks.meta-verify-token=vigie-verify-token", "vigie.webhooks.x-consumer-secret=vigie-test-consumer-secret",
		"vigie.webhooks.max-age=36500d" })
class WebhookIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long stored() {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries").query(Long.class).single();
	}

	@Test
	void answersTheMetaSubscriptionCheckOnlyWithTheVerifyToken() throws Exception {
		mvc.perform(get("/webhooks/facebook").param("hub.mode", "subscribe").param("hub.challenge", "1158201444")
			.param("hub.verify_token", "vigie-verify-token")).andExpect(status().isOk()).andExpect(content().string("1158201444"));
		mvc.perform(get("/webhooks/instagram").param("hub.mode", "subscribe").param("hub.challenge", "1158201444")
			.param("hub.verify_token", "guess")).andExpect(status().isForbidden());
	}

	@Test
	void answersTheXCrc() throws Exception {
		mvc.perform(get("/webhooks/x").param("crc_token", "challenge-1234"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.response_token").value("sha256=VqcN05EwfpZYr8v6nQa0RFXiTb20GrDVMVpURbfmP2E="));
	}

	@Test
	void acceptsASignedDeliveryOnceAndRefusesItsReplay() throws Exception {
		byte[] body = ApiReference.bytes("instagram/samples/webhook-comments.json");
		String signature = "sha256=5ebe32d2a15b4fd9a79a0fc0008b522a865c44f8405fa22c046ef444c7d69b45";
		long before = stored();
		mvc.perform(post("/webhooks/instagram").content(body).header("X-Hub-Signature-256", signature))
			.andExpect(status().isOk()).andExpect(content().string("EVENT_RECEIVED"));
		assertThat(stored()).isEqualTo(before + 1);
		mvc.perform(post("/webhooks/instagram").content(body).header("X-Hub-Signature-256", signature))
			.andExpect(status().isConflict());
		assertThat(stored()).isEqualTo(before + 1);
	}

	@Test
	void refusesTamperedUnsignedAndWronglySignedDeliveriesAndStoresNothing() throws Exception {
		byte[] body = ApiReference.bytes("facebook/samples/webhook-feed-visitor-post.json");
		String signature = "sha256=746c7039c4ca76d4ca70117113cf6081c0ba048ab0bc8797bccf8c00f2d0308f";
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("saison 1", "saison 2").getBytes(StandardCharsets.UTF_8);
		long before = stored();
		mvc.perform(post("/webhooks/facebook").content(tampered).header("X-Hub-Signature-256", signature))
			.andExpect(status().isForbidden());
		mvc.perform(post("/webhooks/facebook").content(body)).andExpect(status().isUnauthorized());
		mvc.perform(post("/webhooks/facebook").content(body)
			.header("X-Hub-Signature-256", Signatures.metaHeader("not-the-app-secret", body))).andExpect(status().isForbidden());
		byte[] x = ApiReference.bytes("x/samples/aaa-tweet-create-mention.json");
		mvc.perform(post("/webhooks/x").content(x)
			.header("x-twitter-webhooks-signature", Signatures.xHeader("not-the-consumer-secret", x))).andExpect(status().isForbidden());
		mvc.perform(post("/webhooks/x").content(x)).andExpect(status().isUnauthorized());
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void acceptsTheSignedXVector() throws Exception {
		byte[] x = ApiReference.bytes("x/samples/aaa-tweet-create-mention.json");
		mvc.perform(post("/webhooks/x").content(x)
			.header("x-twitter-webhooks-signature", "sha256=zsx0vtq39CfmGIjJt/0Xi6yk0hbqkSMo9F0eBtcEuqQ="))
			.andExpect(status().isOk());
	}
}
