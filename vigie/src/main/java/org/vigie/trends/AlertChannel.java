package org.vigie.trends;

/**
 * One way an alert reaches people: in the app, by e-mail, by webhook. Implementations are beans;
 * {@link Alerts} calls each in turn and records the outcome.
 */
interface AlertChannel {

	/** A short name recorded with each delivery: {@code app}, {@code email}, {@code webhook}. */
	String name();

	/** True if the channel also tells when an alert grows (e-mail does not: one e-mail per event). */
	boolean sendsUpdates();

	/** True if the channel stays silent in quiet hours (the app never does). */
	boolean respectsQuietHours();

	/**
	 * Delivers one alert ({@code what} is {@code opened} or {@code updated}).
	 * @return what happened, e.g. {@code sent} or {@code skipped}
	 * @throws AlertDeliveryException if the delivery failed
	 */
	String deliver(AlertMessage message, AlertRule rule, String what) throws AlertDeliveryException;
}
