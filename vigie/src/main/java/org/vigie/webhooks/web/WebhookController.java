package org.vigie.webhooks.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.vigie.shared.Network;
import org.vigie.web.NotFoundException;
import org.vigie.webhooks.WebhookIntake;

/**
 * {@code /webhooks/facebook}, {@code /webhooks/instagram} (Meta: {@code hub.*} handshake on GET,
 * signed deliveries on POST) and {@code /webhooks/x} (CRC on GET, signed deliveries on POST).
 * Answers fast: the delivery is only verified and queued here.
 */
@RestController
@RequestMapping("/webhooks")
class WebhookController {

	private final WebhookIntake intake;

	WebhookController(WebhookIntake intake) {
		this.intake = intake;
	}

	@GetMapping(path = "/{network:facebook|instagram}", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) @Nullable String mode,
			@RequestParam(name = "hub.verify_token", required = false) @Nullable String token,
			@RequestParam(name = "hub.challenge", required = false) @Nullable String challenge) {
		return intake.metaHandshake(mode, token, challenge)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(403).body("Forbidden"));
	}

	@PostMapping(path = "/{network:facebook|instagram}", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> meta(@PathVariable String network, @RequestBody(required = false) byte @Nullable [] body,
			@RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String signature) {
		Network n = Network.fromId(network).orElseThrow(() -> new NotFoundException("error.notFound"));
		WebhookIntake.Outcome outcome = intake.meta(n, body == null ? new byte[0] : body, signature);
		return ResponseEntity.status(outcome.status()).body(outcome == WebhookIntake.Outcome.ACCEPTED ? "EVENT_RECEIVED"
				: outcome.name());
	}

	@GetMapping(path = "/x", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> crc(@RequestParam(name = "crc_token", required = false) @Nullable String crcToken) {
		if (crcToken == null || crcToken.isBlank()) {
			return ResponseEntity.badRequest().body(Map.of("error", "crc_token is required"));
		}
		return intake.xCrc(crcToken)
			.map(token -> ResponseEntity.ok(Map.of("response_token", token)))
			.orElseGet(() -> ResponseEntity.status(403).body(Map.of("error", "not configured")));
	}

	@PostMapping(path = "/x", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> x(@RequestBody(required = false) byte @Nullable [] body,
			@RequestHeader(name = "x-twitter-webhooks-signature", required = false) @Nullable String signature) {
		WebhookIntake.Outcome outcome = intake.x(body == null ? new byte[0] : body, signature);
		return ResponseEntity.status(outcome.status()).body(outcome == WebhookIntake.Outcome.ACCEPTED ? "OK" : outcome.name());
	}
}
