package org.vigie.schedule;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The schedule's settings.
 *
 * @param zone the zone of guide dates written without an offset (default Europe/Paris)
 * @param refreshCron when URL sources are fetched again (default every day at 05:15)
 * @param maxGuideMb the largest guide accepted, uploaded or fetched (default 50 MB)
 * @param fetchTimeout how long a URL may take to answer (default 60 s)
 */
@ConfigurationProperties("vigie.schedule")
public record ScheduleSettings(@DefaultValue("Europe/Paris") ZoneId zone,
		@DefaultValue("0 15 5 * * *") String refreshCron, @DefaultValue("50") int maxGuideMb,
		@DefaultValue("60s") Duration fetchTimeout) {

	public ScheduleSettings {
		if (maxGuideMb < 1) {
			throw new IllegalArgumentException("vigie.schedule.max-guide-mb must be at least 1, was " + maxGuideMb);
		}
	}
}
