package org.vigie.schedule.xmltv;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Reads XMLTV guides (the format of {@code xmltv.dtd}) as real grabbers write them: the DOCTYPE's
 * DTD is never fetched (no external entity is ever resolved), dates may be truncated or lack their
 * offset ({@code 200006031633} is read in the guide's default zone), entities that a generator
 * escaped twice ({@code &amp;amp;}) are decoded once more, programmes repeated at the boundary of
 * two days of listings are merged, and a missing stop time is taken from the next programme of
 * the same channel. Stateless and thread-safe.
 */
public final class XmltvParser {

	private static final Pattern DATE = Pattern.compile("^(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?\\s*([+-]\\d{4}|[A-Z]{3})?$");

	private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|#\\d{1,7}|#x[0-9a-fA-F]{1,6});");

	private final ZoneId defaultZone;

	/** @param defaultZone the zone of dates written without an offset (the channel's country) */
	public XmltvParser(ZoneId defaultZone) {
		this.defaultZone = defaultZone;
	}

	/**
	 * Parses a whole guide.
	 * @throws IllegalArgumentException if the document is not well-formed XML or not XMLTV
	 */
	public Guide parse(InputStream in) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		Map<String, String> channels = new LinkedHashMap<>();
		List<Programme> programmes = new ArrayList<>();
		try {
			XMLStreamReader xml = factory.createXMLStreamReader(in);
			boolean tv = false;
			while (xml.hasNext()) {
				if (xml.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				switch (xml.getLocalName()) {
					case "tv" -> tv = true;
					case "channel" -> channel(xml, channels);
					case "programme" -> programmes.add(programme(xml));
					default -> {
					}
				}
			}
			if (!tv) {
				throw new IllegalArgumentException("Not an XMLTV guide: no <tv> element");
			}
		}
		catch (XMLStreamException e) {
			throw new IllegalArgumentException("Not well-formed XML: " + e.getMessage(), e);
		}
		return merge(channels, programmes);
	}

	private static Guide merge(Map<String, String> channels, List<Programme> parsed) {
		Map<String, Programme> unique = new LinkedHashMap<>();
		for (Programme p : parsed) {
			unique.merge(p.key(), p, (a, b) -> a.stop() == null ? b : a);
		}
		List<Programme> sorted = new ArrayList<>(unique.values());
		sorted.sort(Comparator.comparing(Programme::channel).thenComparing(Programme::start));
		for (int i = 0; i < sorted.size(); i++) {
			Programme p = sorted.get(i);
			if (p.stop() == null && i + 1 < sorted.size() && sorted.get(i + 1).channel().equals(p.channel())
					&& sorted.get(i + 1).start().isAfter(p.start())) {
				sorted.set(i, p.withStop(sorted.get(i + 1).start()));
			}
		}
		return new Guide(channels, sorted, parsed.size() - unique.size());
	}

	private void channel(XMLStreamReader xml, Map<String, String> channels) throws XMLStreamException {
		String id = xml.getAttributeValue(null, "id");
		String name = null;
		int depth = 1;
		while (depth > 0 && xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (depth == 1 && "display-name".equals(xml.getLocalName()) && name == null) {
					name = decode(xml.getElementText());
					continue;
				}
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		if (id != null) {
			channels.put(id, name != null ? name : id);
		}
	}

	private Programme programme(XMLStreamReader xml) throws XMLStreamException {
		String channel = require(xml, "channel");
		Instant start = time(require(xml, "start"));
		String stopText = xml.getAttributeValue(null, "stop");
		Instant stop = stopText == null || stopText.isBlank() ? null : time(stopText);
		String title = null;
		String subTitle = null;
		String desc = null;
		String episode = null;
		String icon = null;
		List<String> categories = new ArrayList<>();
		int depth = 1;
		while (depth > 0 && xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
				continue;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if (depth > 1) {
				depth++;
				continue;
			}
			switch (xml.getLocalName()) {
				case "title" -> title = first(title, xml.getElementText());
				case "sub-title" -> subTitle = first(subTitle, xml.getElementText());
				case "desc" -> desc = first(desc, xml.getElementText());
				case "category" -> categories.add(decode(xml.getElementText()));
				case "episode-num" -> episode = first(episode, xml.getElementText());
				case "icon" -> {
					icon = icon == null ? decodeOrNull(xml.getAttributeValue(null, "src")) : icon;
					depth++;
				}
				default -> depth++;
			}
		}
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("A programme without a title on " + channel + " at " + start);
		}
		if (stop != null && stop.isBefore(start)) {
			stop = null;
		}
		return new Programme(channel, start, stop, title, subTitle, desc, categories, episode, icon);
	}

	private static @Nullable String first(@Nullable String current, String text) {
		return current != null ? current : decode(text);
	}

	private static String require(XMLStreamReader xml, String attribute) {
		String value = xml.getAttributeValue(null, attribute);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("<programme> without " + attribute + " at line "
					+ xml.getLocation().getLineNumber());
		}
		return value;
	}

	/** Reads an XMLTV date: {@code YYYYMMDDhhmmss ±hhmm}, any tail of which may be missing. */
	Instant time(String text) {
		Matcher m = DATE.matcher(text.trim());
		if (!m.matches()) {
			throw new IllegalArgumentException("Not an XMLTV date: " + text);
		}
		LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), part(m.group(2), 1), part(m.group(3), 1),
				part(m.group(4), 0), part(m.group(5), 0), part(m.group(6), 0));
		String zone = m.group(7);
		if (zone == null) {
			return local.atZone(defaultZone).toInstant();
		}
		if ("UTC".equals(zone) || "GMT".equals(zone)) {
			return local.toInstant(ZoneOffset.UTC);
		}
		if (zone.length() == 3) {
			return local.atZone(defaultZone).toInstant();
		}
		return local.atOffset(ZoneOffset.of(zone.substring(0, 3) + ":" + zone.substring(3))).toInstant();
	}

	private static int part(@Nullable String digits, int otherwise) {
		return digits == null ? otherwise : Integer.parseInt(digits);
	}

	private static @Nullable String decodeOrNull(@Nullable String text) {
		return text == null ? null : decode(text);
	}

	/**
	 * Trims and decodes what the XML parser left encoded: entities a generator escaped twice. Runs
	 * until nothing changes, so {@code &amp;amp;amp;} is decoded too.
	 */
	static String decode(String text) {
		String current = text.strip().replaceAll("\\s+", " ");
		for (int round = 0; round < 3 && current.indexOf('&') >= 0; round++) {
			Matcher m = ENTITY.matcher(current);
			StringBuilder out = new StringBuilder();
			boolean found = false;
			while (m.find()) {
				found = true;
				m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
			}
			m.appendTail(out);
			if (!found) {
				break;
			}
			current = out.toString();
		}
		return current;
	}

	private static String entity(String name) {
		return switch (name) {
			case "amp" -> "&";
			case "lt" -> "<";
			case "gt" -> ">";
			case "quot" -> "\"";
			case "apos" -> "'";
			default -> {
				int code = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
						: Integer.parseInt(name.substring(1));
				yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "";
			}
		};
	}

}
