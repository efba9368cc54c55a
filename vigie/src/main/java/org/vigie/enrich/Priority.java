package org.vigie.enrich;

import java.util.List;

/**
 * How urgently an item needs the community manager, and why.
 *
 * @param score 0–100, higher first
 * @param reasons the reasons that raised (or zeroed) it, as short keys that the UI translates
 *     ({@code enrich.reason.<key>}): {@code question}, {@code complaint}, {@code negative},
 *     {@code direct_message}, {@code reply_to_us}, {@code influential}, {@code recent},
 *     {@code toxic}, {@code spam}
 */
public record Priority(double score, List<String> reasons) {

	public Priority {
		if (score < 0 || score > 100) {
			throw new IllegalArgumentException("A priority is between 0 and 100, not " + score);
		}
		reasons = List.copyOf(reasons);
	}
}
