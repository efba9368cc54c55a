package org.vigie.connectors;

import java.time.Instant;

import org.vigie.shared.Reason;

/**
 * Why a connector call failed, in one of four kinds whose handling the ingest runtime decides and
 * the UI explains in words. Two texts: {@link #reason()} is for people, a message key (in
 * {@code i18n/connectors}) and its arguments so that each reader gets their language; the
 * message is for the logs. A failure made from a message alone has that message as its reason,
 * plain words shown as they are.
 */
public abstract sealed class ConnectorException extends Exception
		permits ConnectorException.RateLimited, ConnectorException.Unavailable, ConnectorException.AuthRevoked,
		ConnectorException.Rejected {

	private final Reason reason;

	ConnectorException(String message, Reason reason, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	ConnectorException(String message, Throwable cause) {
		this(message, Reason.words(message), cause);
	}

	/** Why, for people: a key and its arguments, or the message as plain words. Never null. */
	public Reason reason() {
		return reason;
	}

	/**
	 * The network answered with a success but not in the shape its API promises (a list missing, a
	 * record without its id): retried with backoff. People read that the answer was unexpected; the
	 * log says what was missing.
	 * @param network the network or service, as people name it
	 * @param logged what was wrong, in English, for the log
	 */
	public static Unavailable unexpected(String network, String logged) {
		return new Unavailable(logged, Reason.of("connectors.unexpected-answer", network));
	}

	/**
	 * The thread waiting on the network was interrupted (Vigie is stopping): retried at the next
	 * start. The caller restores the thread's interrupt flag.
	 */
	public static Unavailable interrupted(String network, String logged, InterruptedException cause) {
		return new Unavailable(logged, Reason.of("connectors.interrupted", network), cause);
	}

	/**
	 * A feed or action the network does not offer was asked for (the connector's capabilities say so
	 * beforehand; this is the refusal when something asks anyway).
	 * @param logged what is not offered, in English, for the log
	 */
	public static Rejected unsupported(String network, String logged) {
		return new Rejected(logged, Reason.of("connectors.unsupported", network));
	}

	/** A stored reading position that this connector did not write: rejected rather than guessed. */
	public static Rejected unknownCursor(String network, String cursor) {
		return new Rejected("Not a " + network + " cursor: " + cursor, Reason.of("connectors.unknown-cursor", network));
	}

	/** The network asks to wait until {@link #retryAt()} (from {@code Retry-After} or a reset header). */
	public static final class RateLimited extends ConnectorException {

		private final Instant retryAt;

		public RateLimited(String message, Instant retryAt) {
			super(message, null);
			this.retryAt = retryAt;
		}

		public RateLimited(String message, Reason reason, Instant retryAt) {
			super(message, reason, null);
			this.retryAt = retryAt;
		}

		public Instant retryAt() {
			return retryAt;
		}
	}

	/** The network is down, slow, or answered something the API does not promise. Retry with backoff. */
	public static final class Unavailable extends ConnectorException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}

		public Unavailable(String message) {
			super(message, null);
		}

		public Unavailable(String message, Reason reason, Throwable cause) {
			super(message, reason, cause);
		}

		public Unavailable(String message, Reason reason) {
			super(message, reason, null);
		}
	}

	/** The token expired and could not be refreshed, or was revoked. Pause the account until someone reconnects it. */
	public static final class AuthRevoked extends ConnectorException {

		public AuthRevoked(String message) {
			super(message, null);
		}

		public AuthRevoked(String message, Reason reason) {
			super(message, reason, null);
		}
	}

	/** The network refused the request itself (bad query, forbidden action). Do not retry as is. */
	public static final class Rejected extends ConnectorException {

		public Rejected(String message) {
			super(message, null);
		}

		public Rejected(String message, Reason reason) {
			super(message, reason, null);
		}
	}
}
