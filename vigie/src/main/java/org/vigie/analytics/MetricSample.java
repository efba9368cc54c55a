package org.vigie.analytics;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.vigie.shared.Network;

/**
 * One metric of one object at one time.
 *
 * @param value null when the network did not give it; {@link #unavailable()} says why
 */
public record MetricSample(Network network, String objectId, String metric, @Nullable Long value,
		@Nullable String unavailable, Instant sampledAt) {

	@JsonProperty("available")
	public boolean available() {
		return value != null;
	}
}
