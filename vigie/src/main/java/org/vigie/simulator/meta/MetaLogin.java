package org.vigie.simulator.meta;

import java.util.Optional;

import org.springframework.stereotype.Component;

import org.vigie.simulator.SimRequest;
import org.vigie.simulator.SimResponse;
import org.vigie.simulator.Simulator;

/** Facebook Login on the simulator: the OAuth dialog, code and token exchanges, {@code /me/accounts}. */
@Component
class MetaLogin {

	private final Simulator sim;

	MetaLogin(Simulator sim) {
		this.sim = sim;
	}

	/** Answers a Facebook Login request; empty for any other path. */
	Optional<SimResponse> handle(SimRequest r) {
		return Optional.empty();
	}

	Simulator simulator() {
		return sim;
	}
}
