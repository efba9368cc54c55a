package org.vigie.connectors;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Encodes a few named values in a {@link Cursor} ({@code since=…&token=…}), for connectors whose
 * position is more than one id. Pure.
 */
public final class Cursors {

	private Cursors() {
	}

	/** The values of a cursor; empty for {@link Cursor#START}. */
	public static Map<String, String> read(Cursor cursor) {
		Map<String, String> out = new LinkedHashMap<>();
		if (cursor.isStart()) {
			return out;
		}
		for (String pair : cursor.value().split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return out;
	}

	/** A cursor of these values, skipping empty ones. */
	public static Cursor write(Map<String, String> values) {
		return new Cursor(values.entrySet()
			.stream()
			.filter(e -> e.getValue() != null && !e.getValue().isEmpty())
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")));
	}
}
