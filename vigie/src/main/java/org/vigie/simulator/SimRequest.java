package org.vigie.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request to a fake, stripped of {@code /sim/<network>}.
 *
 * @param path e.g. {@code /2/users/42/mentions}
 * @param query the query parameters, repeated ones in order ({@code types[]=mention&types[]=reblog})
 * @param headers by lower-case name
 * @param body the body as text (JSON or form-encoded), empty when none
 * @param base the absolute URL of the fake, e.g. {@code http://127.0.0.1:8080/sim/x}, for links it returns
 * @param now the simulator's clock
 */
public record SimRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
		String body, String base, Instant now) {

	public SimRequest {
		query = Map.copyOf(query);
		headers = Map.copyOf(headers);
	}

	public Optional<String> param(String name) {
		List<String> values = query.get(name);
		return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
	}

	public List<String> params(String name) {
		return query.getOrDefault(name, List.of());
	}

	public @Nullable String header(String name) {
		return headers.get(name.toLowerCase(Locale.ROOT));
	}

	/** The token of {@code Authorization: Bearer …}, or empty. */
	public String bearer() {
		String auth = header("authorization");
		return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : "";
	}

	/** The body parsed as {@code application/x-www-form-urlencoded}. */
	public Map<String, List<String>> form() {
		return SimulatorController.parse(body);
	}

	/** One field of a form-encoded body, or empty string. */
	public String formField(String name) {
		List<String> values = form().get(name);
		return values == null || values.isEmpty() ? "" : values.get(0);
	}

	public boolean is(String method, String pathPattern) {
		return this.method.equalsIgnoreCase(method) && path.matches(pathPattern);
	}
}
