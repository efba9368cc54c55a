package org.vigie.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The networks' webhook signatures, compared in constant time ({@link MessageDigest#isEqual}):
 * Meta's {@code sha256=<hex HMAC-SHA256(app secret, raw body)>} and X's
 * {@code sha256=<base64 HMAC-SHA256(consumer secret, raw body)>}, and X's CRC answer. Pure.
 */
public final class Signatures {

	private static final String PREFIX = "sha256=";

	private Signatures() {
	}

	/** What a signature check found. */
	public enum Verdict {
		VALID, MISSING, INVALID
	}

	/** Checks Meta's {@code X-Hub-Signature-256} header against the raw body. */
	public static Verdict meta(String appSecret, byte[] body, @Nullable String header) {
		if (header == null || header.isBlank()) {
			return Verdict.MISSING;
		}
		if (!header.startsWith(PREFIX) || appSecret.isEmpty()) {
			return Verdict.INVALID;
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
		}
		catch (IllegalArgumentException e) {
			return Verdict.INVALID;
		}
		return MessageDigest.isEqual(hmac(appSecret, body), given) ? Verdict.VALID : Verdict.INVALID;
	}

	/** Checks X's {@code x-twitter-webhooks-signature} header against the raw body. */
	public static Verdict x(String consumerSecret, byte[] body, @Nullable String header) {
		if (header == null || header.isBlank()) {
			return Verdict.MISSING;
		}
		if (!header.startsWith(PREFIX) || consumerSecret.isEmpty()) {
			return Verdict.INVALID;
		}
		byte[] given;
		try {
			given = Base64.getDecoder().decode(header.substring(PREFIX.length()).trim());
		}
		catch (IllegalArgumentException e) {
			return Verdict.INVALID;
		}
		return MessageDigest.isEqual(hmac(consumerSecret, body), given) ? Verdict.VALID : Verdict.INVALID;
	}

	/** X's CRC answer: {@code sha256=} + base64(HMAC-SHA256(consumer secret, crc_token)). */
	public static String xCrcResponse(String consumerSecret, String crcToken) {
		return PREFIX + Base64.getEncoder().encodeToString(hmac(consumerSecret, crcToken.getBytes(StandardCharsets.UTF_8)));
	}

	/** Meta's header value for a body, as the simulator signs its deliveries. */
	public static String metaHeader(String appSecret, byte[] body) {
		return PREFIX + HexFormat.of().formatHex(hmac(appSecret, body));
	}

	/** X's header value for a body. */
	public static String xHeader(String consumerSecret, byte[] body) {
		return PREFIX + Base64.getEncoder().encodeToString(hmac(consumerSecret, body));
	}

	/** Compares two texts (tokens) in constant time. */
	public static boolean same(String expected, @Nullable String given) {
		return given != null && !expected.isEmpty() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				given.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] hmac(String secret, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	/** SHA-256 of the body, hex: the identity of a delivery, for refusing replays. */
	static String digest(String network, byte[] body) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(network.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			return HexFormat.of().formatHex(sha.digest(body));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}
}
