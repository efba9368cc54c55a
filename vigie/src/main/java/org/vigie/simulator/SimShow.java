package org.vigie.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

/**
 * A demo TV show: its name, the account handle it uses on every network, its hashtag and when it
 * airs (Paris time).
 */
public record SimShow(String slug, String name, String handle, String hashtag, Set<DayOfWeek> airDays,
		LocalTime airTime, Duration length, String genre) {

	public SimShow {
		airDays = Set.copyOf(airDays);
	}
}
