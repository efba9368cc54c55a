package org.vigie.trends.detect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the ISO-8601 timestamps of series files: with an offset or {@code Z}, or local (taken as UTC). */
public final class Timestamps {

	private Timestamps() {
	}

	/**
	 * @throws IllegalArgumentException if {@code text} is no ISO-8601 date-time or date
	 */
	public static Instant parse(String text) {
		String s = text.trim().replace(' ', 'T');
		try {
			return OffsetDateTime.parse(s).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException e2) {
				try {
					return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeParseException e3) {
					throw new IllegalArgumentException("not an ISO-8601 timestamp: " + text);
				}
			}
		}
	}
}
