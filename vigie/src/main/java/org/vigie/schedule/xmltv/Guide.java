package org.vigie.schedule.xmltv;

import java.util.List;
import java.util.Map;

/**
 * A parsed XMLTV guide.
 *
 * @param channels channel id → display name
 * @param programmes in channel then start order, duplicates merged
 * @param duplicates how many repeated programmes were merged (guides repeat programmes that cross
 *        the boundary between two days of listings)
 */
public record Guide(Map<String, String> channels, List<Programme> programmes, int duplicates) {

	public Guide {
		channels = Map.copyOf(channels);
		programmes = List.copyOf(programmes);
	}
}
