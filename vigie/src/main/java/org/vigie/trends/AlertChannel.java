package org.vigie.trends;

import java.util.Locale;
import java.util.function.Function;

/**
 * One way an alert reaches people: in the app, by e-mail, by webhook. Implementations are beans;
 * {@link Alerts} calls each in turn and records the outcome.
 */
interface AlertChannel {

	/** A short name recorded with each delivery: {@code app}, {@code email}, {@code webhook}. */
	String name();

	/** True if the channel also tells when an alert grows (e-mail does not: one e-mail per event). */
	boolean sendsUpdates();

	/** True if the channel waits for the end of quiet hours (the app never does). */
	boolean respectsQuietHours();

	/**
	 * Delivers one alert ({@code what} is {@code opened}, {@code updated}, {@code grouped} or
	 * {@code live} for the app, or {@code digest}: the alerts deferred by quiet hours, grouped).
	 * @param message the alert in a recipient's language: each channel asks for the languages of
	 *        its recipients
	 * @return what happened, e.g. {@code sent} or {@code skipped}
	 * @throws AlertDeliveryException if the delivery failed
	 */
	String deliver(Function<Locale, AlertMessage> message, AlertRule rule, String what) throws AlertDeliveryException;
}
