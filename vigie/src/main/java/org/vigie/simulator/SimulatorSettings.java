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
 * @param history how much past activity exists when the simulator starts (default 7 days: every demo show
 *        has aired in it, the weekday soap five times, so the trends have baselines and past airings)
 * @param perMinute mean posts per show and minute outside airings (airings are 60 times busier, the hour after 10 times)
 */
@ConfigurationProperties("vigie.simulator")
public record SimulatorSettings(@DefaultValue("auto") String demo, @DefaultValue("true") boolean generatorEnabled,
		@DefaultValue("20261125") long seed, @DefaultValue("7d") Duration history, @DefaultValue("0.08") double perMinute) {

	public SimulatorSettings {
		if (!demo.equals("auto") && !demo.equals("true") && !demo.equals("false") && !demo.isBlank()) {
			throw new IllegalArgumentException("vigie.simulator.demo (VIGIE_DEMO) must be true, false or auto, was " + demo);
		}
	}
}
