package org.vigie.connectors;

import java.time.Instant;

/**
 * Why a connector call failed, in one of four kinds whose handling the ingest runtime decides and
 * the UI explains in words. Messages are for people: say what happened, not a stack trace.
 */
public abstract sealed class ConnectorException extends Exception
		permits ConnectorException.RateLimited, ConnectorException.Unavailable, ConnectorException.AuthRevoked,
		ConnectorException.Rejected {

	ConnectorException(String message, Throwable cause) {
		super(message, cause);
	}

	/** The network asks to wait until {@link #retryAt()} (from {@code Retry-After} or a reset header). */
	public static final class RateLimited extends ConnectorException {

		private final Instant retryAt;

		public RateLimited(String message, Instant retryAt) {
			super(message, null);
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
	}

	/** The token expired and could not be refreshed, or was revoked. Pause the account until someone reconnects it. */
	public static final class AuthRevoked extends ConnectorException {

		public AuthRevoked(String message) {
			super(message, null);
		}
	}

	/** The network refused the request itself (bad query, forbidden action). Do not retry as is. */
	public static final class Rejected extends ConnectorException {

		public Rejected(String message) {
			super(message, null);
		}
	}
}
