package org.vigie.trends;

/** An alert could not be delivered on one channel; the others still are. */
class AlertDeliveryException extends Exception {

	private static final long serialVersionUID = 1L;

	AlertDeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

	AlertDeliveryException(String message) {
		super(message);
	}
}
