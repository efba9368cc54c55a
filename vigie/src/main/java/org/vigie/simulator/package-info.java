/**
 * The network simulator: faithful local fakes of the networks' HTTP APIs, mounted under
 * {@code /sim/<network>/…} on Vigie's own port (open and CSRF-free, see SecurityConfiguration),
 * serving one {@link org.vigie.simulator.SimWorld} of users and posts, with a fan-activity
 * generator for six demo TV shows driven by the injected clock, fault injection
 * ({@link org.vigie.simulator.Faults}: 429 with reset, 5xx, 401) and simulated authorisation
 * servers ({@link org.vigie.simulator.SimAuth}: OAuth apps, PKCE codes, expiring and rotating tokens).
 * Connector tests run against it, and the demo workspace runs the real connectors against it over HTTP.
 *
 * <p><b>Adding a network fake.</b> Create a sub-package ({@code simulator.facebook}…) with a
 * {@code @Component} implementing {@link org.vigie.simulator.NetworkFake} that takes the
 * {@link org.vigie.simulator.Simulator} in its constructor. In {@code handle}: check the bearer
 * token with {@code sim.auth().userOf(network, request.bearer(), request.now())} (401 with the
 * network's own error body if empty); count the call with
 * {@code sim.windows().hit(key, limit, window, request.now())} and add
 * {@link org.vigie.simulator.NetworkFake#rateLimitHeaders} to every answer (429 when over); read
 * posts from {@code sim.world().query(network, request.now(), filter)} (newest first, only what
 * exists at the simulator's now) and page them the way the network does; serve a post whose
 * {@link org.vigie.simulator.SimPost#malformed()} is true broken (missing fields), so the
 * connector's rejection path is tested. The controller applies injected faults before
 * {@code handle} using your {@code error} and {@code rateLimitHeaders}. The fan-activity generator
 * writes into every network that has a fake. Then extend {@code ConnectorContractIT} (test
 * sources, {@code org.vigie.ingest}) for your connector. See {@code simulator.x.XFake} for a
 * complete example.
 */
@NullMarked
package org.vigie.simulator;

import org.jspecify.annotations.NullMarked;
