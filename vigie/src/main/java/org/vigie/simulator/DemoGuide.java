package org.vigie.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The TV guide of the demo shows: when each airs (Paris time, as {@link DemoCast} says), as airings
 * and as an XMLTV document the demo workspace imports, so that the trends know the shows' airings
 * as they would from a real channel's guide.
 */
final class DemoGuide {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final String CHANNEL = "vigie-demo.tv";

	private static final DateTimeFormatter XMLTV = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private DemoGuide() {
	}

	/** One broadcast of a demo show. */
	record Slot(SimShow show, Instant start, Instant end) {
	}

	/** The airings of {@code show} starting in {@code [from, to)}, by start. */
	static List<Slot> airings(SimShow show, Instant from, Instant to) {
		List<Slot> slots = new ArrayList<>();
		LocalDate day = from.atZone(PARIS).toLocalDate().minusDays(1);
		for (; !day.atStartOfDay(PARIS).toInstant().isAfter(to); day = day.plusDays(1)) {
			if (!show.airDays().contains(day.getDayOfWeek())) {
				continue;
			}
			ZonedDateTime start = day.atTime(show.airTime()).atZone(PARIS);
			Instant s = start.toInstant();
			if (!s.isBefore(from) && s.isBefore(to)) {
				slots.add(new Slot(show, s, start.plus(show.length()).toInstant()));
			}
		}
		return slots;
	}

	/** An XMLTV guide of every demo show's airings starting in {@code [from, to)}. */
	static String xmltv(Instant from, Instant to) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tv generator-info-name=\"Vigie demo\">\n")
			.append("  <channel id=\"").append(CHANNEL).append("\"><display-name>Vigie TV (démo)</display-name></channel>\n");
		for (SimShow show : DemoCast.SHOWS) {
			for (Slot slot : airings(show, from, to)) {
				xml.append("  <programme start=\"").append(utc(slot.start())).append("\" stop=\"").append(utc(slot.end()))
					.append("\" channel=\"").append(CHANNEL).append("\"><title lang=\"fr\">").append(escape(show.name()))
					.append("</title><category lang=\"fr\">").append(escape(show.genre())).append("</category></programme>\n");
			}
		}
		return xml.append("</tv>\n").toString();
	}

	private static String utc(Instant t) {
		return XMLTV.format(t.atOffset(ZoneOffset.UTC)) + " +0000";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
