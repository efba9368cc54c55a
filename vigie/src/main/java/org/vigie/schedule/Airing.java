package org.vigie.schedule;

import java.time.Instant;
import java.util.Objects;

import org.vigie.shared.ShowId;

/**
 * One broadcast of a show, from the imported schedule.
 *
 * @param title the programme title as the guide writes it
 * @param channel the channel's display name
 * @param end the end; when the guide gives none, one hour after the start
 */
public record Airing(ShowId show, String title, String channel, Instant start, Instant end) {

	public Airing {
		Objects.requireNonNull(show, "show");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("An airing ends after it starts");
		}
	}

	/** True if the airing is on at {@code t}. */
	public boolean onAt(Instant t) {
		return !t.isBefore(start) && t.isBefore(end);
	}
}
