package org.vigie.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a fake answers: status, headers and a text body. */
public record SimResponse(int status, Map<String, String> headers, String body, String contentType) {

	public SimResponse {
		headers = Map.copyOf(headers);
	}

	public static SimResponse json(int status, String body) {
		return new SimResponse(status, Map.of(), body, "application/json");
	}

	public static SimResponse html(String body) {
		return new SimResponse(200, Map.of(), body, "text/html;charset=UTF-8");
	}

	public static SimResponse redirect(String location) {
		return new SimResponse(302, Map.of("Location", location), "", "text/plain");
	}

	/** This response with more headers. */
	public SimResponse with(Map<String, String> more) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		all.putAll(more);
		return new SimResponse(status, all, body, contentType);
	}
}
