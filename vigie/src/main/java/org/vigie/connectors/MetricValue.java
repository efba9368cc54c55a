package org.vigie.connectors;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One metric of one object, as the network reported it. Either a value, or the reason it is
 * unavailable (retired by the network, not valid for this object, not computed yet).
 *
 * @param name the network's metric name; a breakdown is named {@code metric.key} (e.g. {@code post_reactions_by_type_total.love})
 * @param value the number, null when unavailable
 * @param unavailableReason why there is no number, in words; null when available
 */
public record MetricValue(String name, @Nullable Long value, @Nullable String unavailableReason) {

	public MetricValue {
		Objects.requireNonNull(name, "name");
		if ((value == null) == (unavailableReason == null)) {
			throw new IllegalArgumentException("A metric has either a value or a reason it is unavailable: " + name);
		}
	}

	public static MetricValue of(String name, long value) {
		return new MetricValue(name, value, null);
	}

	public static MetricValue unavailable(String name, String reason) {
		return new MetricValue(name, null, reason);
	}

	public boolean available() {
		return value != null;
	}
}
