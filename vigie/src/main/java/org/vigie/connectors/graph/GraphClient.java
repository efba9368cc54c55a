package org.vigie.connectors.graph;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Reason;

/**
 * Calls Meta's Graph API with one access token (a Page token, or the Page token that speaks for a
 * linked Instagram account). Translates Graph's error object into the SPI's exceptions and keeps
 * the last usage percentage the network reported. Not thread-safe beyond what {@link JsonHttp} is.
 */
public final class GraphClient {

	/** The Graph API version Vigie is built and tested against (NOTES.md: v26.0, released 2026-07-29). */
	public static final String VERSION = "v26.0";

	/** Throttling codes: app (4), user (17), Page (32), custom (613), Pages and Instagram business use case (80001, 80002). */
	private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80001, 80002);

	private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

	private final JsonHttp http;

	private final String base;

	private final String token;

	private final Clock clock;

	private int usagePercent = -1;

	/**
	 * @param baseUrl the host, e.g. {@code https://graph.facebook.com} or the simulator's {@code http://127.0.0.1:8080/sim/facebook}
	 */
	public GraphClient(JsonHttp http, String baseUrl, String token, Clock clock) {
		if (token.isBlank()) {
			throw new IllegalArgumentException("A Graph API client needs an access token");
		}
		this.http = http;
		this.base = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/" + VERSION;
		this.token = token;
		this.clock = clock;
	}

	public JsonNode get(String path, Map<String, String> params) throws ConnectorException {
		return check(http.get(JsonHttp.uri(base, path, params), auth()));
	}

	public JsonNode post(String path, Map<String, String> form) throws ConnectorException {
		return check(http.postForm(JsonHttp.uri(base, path, Map.of()), auth(), form));
	}

	public JsonNode postJson(String path, Object body) throws ConnectorException {
		return check(http.postJson(JsonHttp.uri(base, path, Map.of()), auth(), body));
	}

	public JsonNode delete(String path) throws ConnectorException {
		return check(http.delete(JsonHttp.uri(base, path, Map.of()), auth()));
	}

	/** One page of an edge: {@code data} and the {@code after} cursor when {@code paging.next} says there is more. */
	public GraphPage page(String path, Map<String, String> params) throws ConnectorException {
		JsonNode body = get(path, params);
		JsonNode data = body.path("data");
		if (!data.isArray()) {
			throw ConnectorException.unexpected("Meta", "Graph answered " + path + " without a data list");
		}
		List<JsonNode> items = new ArrayList<>();
		data.forEach(items::add);
		JsonNode paging = body.path("paging");
		String after = paging.has("next") ? JsonHttp.text(paging.path("cursors"), "after") : null;
		return new GraphPage(items, after);
	}

	/** The highest percentage of its allowance the last answer said was used, or -1 when it said nothing. */
	public int usagePercent() {
		return usagePercent;
	}

	private Map<String, String> auth() {
		// Graph accepts the token as a bearer header as well as the access_token parameter; a
		// header keeps it out of URLs and so out of access logs.
		return Map.of("Authorization", "Bearer " + token);
	}

	private JsonNode check(JsonHttp.Response response) throws ConnectorException {
		int regainMinutes = readUsage(response);
		if (response.ok()) {
			return response.json();
		}
		JsonNode error = response.status() >= 500 && response.body().isBlank() ? JsonHttp.mapper().createObjectNode()
				: JsonHttp.parse(response.body()).path("error");
		throw translate(response.status(), error, response.headers(), Duration.ofMinutes(Math.max(1, regainMinutes)),
				clock.instant());
	}

	/**
	 * Translates Graph's error object (NOTES.md "Errors") into the SPI's kinds: its code says more than
	 * the status. A throttled call waits for {@code Retry-After} when a proxy or the network sends it,
	 * else {@code regain} (the usage headers' estimate).
	 */
	private static ConnectorException translate(int status, JsonNode error, HttpHeaders headers, Duration regain, Instant now) {
		int code = error.path("code").asInt(0);
		int subcode = error.path("error_subcode").asInt(0);
		String message = JsonHttp.text(error, "message", "");
		if (code == 190 || code == 102 || status == 401) {
			String said = message.isEmpty() ? "HTTP " + status : message;
			return new ConnectorException.AuthRevoked(tokenWords(subcode) + " (" + said + ")", Reason.of(tokenProblem(subcode), said));
		}
		JsonHttp.Failure kind = THROTTLED.contains(code) ? JsonHttp.Failure.RATE_LIMITED
				: status != 429 && (code == 1 || code == 2 || error.path("is_transient").asBoolean(false))
						? JsonHttp.Failure.UNAVAILABLE : JsonHttp.Failure.of(status);
		return JsonHttp.failure("Meta", kind, status, message, headers,
				(h, at) -> Optional.of(JsonHttp.retryAfter(h, at).orElse(at.plus(regain))), now);
	}

	/** What Graph's {@code error_subcode} says about the token, for the logs. */
	private static String tokenWords(int subcode) {
		return switch (subcode) {
			case 458 -> "The app was removed from the account; reconnect it";
			case 460 -> "The password changed; reconnect the account";
			case 463 -> "The access token expired; reconnect the account";
			case 467 -> "The access token is no longer valid; reconnect the account";
			default -> "Meta no longer accepts the access token; reconnect the account";
		};
	}

	/** The message key of the same, for people. */
	private static String tokenProblem(int subcode) {
		return "connectors.graph.token." + switch (subcode) {
			case 458 -> "app-removed";
			case 460 -> "password-changed";
			case 463 -> "expired";
			case 467 -> "invalid";
			default -> "refused";
		};
	}

	/** Reads {@code X-Business-Use-Case-Usage}, {@code X-App-Usage} and {@code X-Page-Usage}; returns the minutes to regain access. */
	private int readUsage(JsonHttp.Response response) {
		int highest = -1;
		int regain = 0;
		for (String name : List.of("X-App-Usage", "X-Page-Usage")) {
			String value = response.header(name);
			if (!value.isBlank()) {
				highest = Math.max(highest, maxPercent(parseQuietly(value)));
			}
		}
		String buc = response.header("X-Business-Use-Case-Usage");
		if (!buc.isBlank()) {
			JsonNode usage = parseQuietly(buc);
			for (JsonNode perObject : usage) {
				for (JsonNode entry : perObject) {
					highest = Math.max(highest, maxPercent(entry));
					regain = Math.max(regain, entry.path("estimated_time_to_regain_access").asInt(0));
				}
			}
		}
		if (highest >= 0) {
			usagePercent = highest;
		}
		return regain;
	}

	private static int maxPercent(JsonNode usage) {
		int max = -1;
		for (String key : List.of("call_count", "total_time", "total_cputime")) {
			max = Math.max(max, usage.path(key).asInt(-1));
		}
		return max;
	}

	private static JsonNode parseQuietly(String text) {
		try {
			return JsonHttp.parse(text);
		}
		catch (ConnectorException.Unavailable e) {
			return JsonHttp.mapper().createObjectNode();
		}
	}

	/** Parses Graph's {@code 2026-11-20T17:00:00+0000}, also accepting ISO-8601 with a colon in the offset. */
	public static @Nullable Instant time(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text, GRAPH_TIME).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	/** Builds an ordered parameter map from key, value pairs. */
	public static Map<String, String> params(String... keyValues) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i + 1 < keyValues.length; i += 2) {
			m.put(keyValues[i], keyValues[i + 1]);
		}
		return m;
	}
}
