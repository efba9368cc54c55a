package org.vigie.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.vigie.shared.Network;

/**
 * A local fake of one network's HTTP API, mounted under {@code /sim/<network id>/}. Implement it
 * as a bean in a sub-package of {@code simulator} (see the package documentation). Called
 * concurrently: implementations must be thread-safe.
 */
public interface NetworkFake {

	Network network();

	/** Answers a request the {@link Faults} let through. */
	SimResponse handle(SimRequest request);

	/** The network's own error body for {@code status}, e.g. X's problem JSON or Mastodon's {@code {"error": …}}. */
	SimResponse error(int status, String message);

	/**
	 * The credentials of a demo show's account on this network, issued by the simulator's
	 * authorisation server, for the demo workspace; empty if the demo should not connect one.
	 */
	default Optional<DemoAccount> demoAccount(SimShow show, Instant now) {
		return Optional.empty();
	}

	/** The network's rate-limit headers, e.g. {@code x-rate-limit-*} with an epoch-seconds reset. */
	Map<String, String> rateLimitHeaders(int limit, int remaining, Instant reset);
}
