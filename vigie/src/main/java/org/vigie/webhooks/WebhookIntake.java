package org.vigie.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.vigie.shared.Network;

/**
 * Accepts or refuses a webhook delivery, before anything is read from it: the signature first
 * (constant time), then its age and whether it was already received. Only an accepted delivery is
 * stored (queued for the {@link WebhookWorker}). Every refusal is logged with its reason, never
 * with the body. Thread-safe.
 */
@Service
public class WebhookIntake {

	private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What happened to a delivery, and the HTTP status that says it. */
	public enum Outcome {
		ACCEPTED(200), MISSING_SIGNATURE(401), BAD_SIGNATURE(403), NOT_CONFIGURED(403), REPLAYED(409), STALE(409),
		TOO_LARGE(413), UNREADABLE(400);

		private final int status;

		Outcome(int status) {
			this.status = status;
		}

		public int status() {
			return status;
		}
	}

	private final WebhookSettings settings;

	private final Deliveries deliveries;

	private final Clock clock;

	private volatile String demoMetaSecret = "";

	WebhookIntake(WebhookSettings settings, Deliveries deliveries, Clock clock) {
		this.settings = settings;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	/**
	 * Answers Meta's subscription check: the challenge when the mode is {@code subscribe} and the
	 * verify token matches, empty (refuse with 403) otherwise.
	 */
	public Optional<String> metaHandshake(@Nullable String mode, @Nullable String verifyToken, @Nullable String challenge) {
		if ("subscribe".equals(mode) && challenge != null && Signatures.same(settings.metaVerifyToken(), verifyToken)) {
			return Optional.of(challenge);
		}
		log.warn("Refused a Meta webhook subscription check (mode {}, verify token {})", mode,
				verifyToken == null ? "missing" : "wrong");
		return Optional.empty();
	}

	/** X's CRC answer, or empty when no consumer secret is configured. */
	public Optional<String> xCrc(String crcToken) {
		if (settings.xConsumerSecret().isBlank()) {
			log.warn("Refused an X CRC check: no consumer secret configured (VIGIE_X_CONSUMER_SECRET)");
			return Optional.empty();
		}
		return Optional.of(Signatures.xCrcResponse(settings.xConsumerSecret(), crcToken));
	}

	/**
	 * Lets the demo workspace receive the simulator's deliveries, signed with its test secret, when
	 * no Meta app secret is configured; a configured secret always wins.
	 * @return the secret deliveries must now be signed with (for the simulator, in the same process)
	 */
	public String acceptDemoMetaSecret(String secret) {
		if (settings.metaAppSecret().isBlank()) {
			demoMetaSecret = secret;
			log.info("Facebook and Instagram webhooks accept the simulator's test signatures (demo workspace)");
		}
		return metaSecret();
	}

	private String metaSecret() {
		return settings.metaAppSecret().isBlank() ? demoMetaSecret : settings.metaAppSecret();
	}

	/** Verifies and queues a Facebook or Instagram delivery ({@code X-Hub-Signature-256}). */
	public Outcome meta(Network network, byte[] body, @Nullable String signature) {
		String secret = metaSecret();
		if (secret.isBlank()) {
			return refuse(network, Outcome.NOT_CONFIGURED, "no app secret configured (VIGIE_META_APP_SECRET)");
		}
		return accept(network, body, switch (Signatures.meta(secret, body, signature)) {
			case VALID -> null;
			case MISSING -> Outcome.MISSING_SIGNATURE;
			case INVALID -> Outcome.BAD_SIGNATURE;
		});
	}

	/** Verifies and queues an X delivery ({@code x-twitter-webhooks-signature}). */
	public Outcome x(byte[] body, @Nullable String signature) {
		if (settings.xConsumerSecret().isBlank()) {
			return refuse(Network.X, Outcome.NOT_CONFIGURED, "no consumer secret configured (VIGIE_X_CONSUMER_SECRET)");
		}
		return accept(Network.X, body, switch (Signatures.x(settings.xConsumerSecret(), body, signature)) {
			case VALID -> null;
			case MISSING -> Outcome.MISSING_SIGNATURE;
			case INVALID -> Outcome.BAD_SIGNATURE;
		});
	}

	private Outcome accept(Network network, byte[] body, @Nullable Outcome signatureProblem) {
		if (body.length > settings.maxBytes()) {
			return refuse(network, Outcome.TOO_LARGE, body.length + " bytes");
		}
		if (signatureProblem != null) {
			return refuse(network, signatureProblem, signatureProblem == Outcome.MISSING_SIGNATURE ? "no signature header"
					: "the signature does not match the body");
		}
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (JacksonException e) {
			return refuse(network, Outcome.UNREADABLE, "signed but not JSON");
		}
		Instant newest = newestEntryTime(root);
		if (newest != null && newest.plus(settings.maxAge()).isBefore(clock.instant())) {
			return refuse(network, Outcome.STALE, "sent at " + newest + ", older than " + settings.maxAge());
		}
		if (!deliveries.enqueue(network, body)) {
			return refuse(network, Outcome.REPLAYED, "the same delivery was already received");
		}
		return Outcome.ACCEPTED;
	}

	/** The newest {@code entry[].time} of a Meta delivery (seconds, or milliseconds for messaging); null for X. */
	private static @Nullable Instant newestEntryTime(JsonNode root) {
		Instant newest = null;
		for (JsonNode entry : root.path("entry")) {
			long t = entry.path("time").asLong(0);
			if (t > 0) {
				Instant at = t > 100_000_000_000L ? Instant.ofEpochMilli(t) : Instant.ofEpochSecond(t);
				newest = newest == null || at.isAfter(newest) ? at : newest;
			}
		}
		return newest;
	}

	private static Outcome refuse(Network network, Outcome outcome, String why) {
		log.warn("Refused a {} webhook delivery ({} {}): {}", network.label(), outcome.status(), outcome, why);
		return outcome;
	}
}
