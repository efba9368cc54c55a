package org.vigie.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator and the demo workspace ({@code vigie.simulator.*}).
 *
 * @param demo {@code true} to create the demo workspace served by the simulator, {@code false} never,
 *        {@code auto} (default) when no real network credentials are configured ({@code VIGIE_DEMO})
 * @param generatorEnabled write fan activity as time passes
 * @param seed the random seed of the fan activity, for reproducible demos and tests
 * @param history how much past activity exists when the simulator starts (default 4 days: a complete
 *        airing of the weekday soap always lies in it, and the connectors' first walk (3 days on most
 *        networks) reads nearly all of it, so the trends learn their baselines from what every network says)
 * @param perMinute mean posts per show and minute outside airings (airings are 60 times busier, the hour after 10 times)
 */
@ConfigurationProperties("vigie.simulator")
public record SimulatorSettings(@DefaultValue("auto") String demo, @DefaultValue("true") boolean generatorEnabled,
		@DefaultValue("20261125") long seed, @DefaultValue("4d") Duration history, @DefaultValue("0.08") double perMinute) {

	public SimulatorSettings {
		if (!demo.equals("auto") && !demo.equals("true") && !demo.equals("false") && !demo.isBlank()) {
			throw new IllegalArgumentException("vigie.simulator.demo (VIGIE_DEMO) must be true, false or auto, was " + demo);
		}
	}
}
