package org.vigie.connectors.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;
import org.vigie.connectors.ConnectorException;
import org.vigie.shared.Reason;

/**
 * The HTTP plumbing every network's client shares: one JDK {@link HttpClient} (HTTP/1.1, which plain
 * http servers such as Bluesky's and the simulator need; no redirects followed), requests with a
 * timeout and a User-Agent, form and query encoding, JSON answers. An I/O failure, a timeout or an
 * answer that is not JSON becomes {@link ConnectorException.Unavailable}. A failing status becomes
 * the matching {@link ConnectorException} through {@link #failure}, in the same words for every
 * network; each network's client reads its own error format and rate-limit headers. Thread-safe.
 */
public final class JsonHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	/** How long a rate-limited network is left alone when its answer does not say. */
	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

	/** What Vigie calls itself when no connector asks for another User-Agent. */
	public static final String USER_AGENT = "Vigie/0.1";

	private final HttpClient client;

	private final String userAgent;

	private final Duration timeout;

	/**
	 * @param userAgent sent on every request; Reddit, for one, throttles generic agents
	 */
	public JsonHttp(HttpClient client, String userAgent) {
		this(client, userAgent, TIMEOUT);
	}

	/** Over its own {@link #defaultClient(Duration) default client}, with {@code timeout} for connecting and each request. */
	public JsonHttp(Duration timeout, String userAgent) {
		this(defaultClient(timeout), userAgent, timeout);
	}

	private JsonHttp(HttpClient client, String userAgent, Duration timeout) {
		this.client = client;
		this.userAgent = userAgent;
		this.timeout = timeout;
	}

	/** A client for plain-http loopback servers as well as the networks: HTTP/1.1, bounded connect time, no redirects. */
	public static HttpClient defaultClient() {
		return defaultClient(Duration.ofSeconds(10));
	}

	/** {@link #defaultClient()} with {@code connectTimeout}. */
	public static HttpClient defaultClient(Duration connectTimeout) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A request builder for {@code url} with the timeout and the User-Agent set, for clients that build their own requests. */
	public HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("User-Agent", userAgent);
	}

	/**
	 * Sends a request and reads the body as text.
	 * @throws ConnectorException.Unavailable on a timeout or a broken connection
	 */
	public HttpResponse<String> send(HttpRequest request) throws ConnectorException.Unavailable {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			throw new ConnectorException.Unavailable("No answer from " + request.uri().getHost() + ": " + why,
					Reason.of("connectors.no-answer", String.valueOf(request.uri().getHost()), why), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw ConnectorException.interrupted(request.uri().getHost(), "Interrupted while waiting for " + request.uri().getHost(), e);
		}
	}

	/** An answer: status, headers and body text. */
	public record Response(int status, HttpHeaders headers, String body) {

		/** The body as JSON; an empty body is an empty object. */
		public JsonNode json() throws ConnectorException.Unavailable {
			return parse(body);
		}

		public boolean ok() {
			return status >= 200 && status < 300;
		}

		public String header(String name) {
			return headers.firstValue(name).orElse("");
		}
	}

	public Response get(URI uri, Map<String, String> headers) throws ConnectorException.Unavailable {
		return send(builder(uri, headers).GET());
	}

	public Response postForm(URI uri, Map<String, String> headers, Map<String, String> form)
			throws ConnectorException.Unavailable {
		return send(builder(uri, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form))));
	}

	public Response postJson(URI uri, Map<String, String> headers, Object body) throws ConnectorException.Unavailable {
		return send(builder(uri, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response delete(URI uri, Map<String, String> headers) throws ConnectorException.Unavailable {
		return send(builder(uri, headers).DELETE());
	}

	private HttpRequest.Builder builder(URI uri, Map<String, String> headers) {
		HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent)
			.header("Accept", "application/json");
		headers.forEach(b::header);
		return b;
	}

	private Response send(HttpRequest.Builder request) throws ConnectorException.Unavailable {
		HttpResponse<String> r = send(request.build());
		return new Response(r.statusCode(), r.headers(), r.body() == null ? "" : r.body());
	}

	/** The four ways an answer fails, one per {@link ConnectorException} kind. */
	public enum Failure {

		RATE_LIMITED, UNAVAILABLE, AUTH_REVOKED, REJECTED;

		/** What a failing status means by itself: 429 rate limited, 401 revoked, 5xx unavailable, anything else rejected. */
		public static Failure of(int status) {
			if (status == 429) {
				return RATE_LIMITED;
			}
			if (status == 401) {
				return AUTH_REVOKED;
			}
			return status >= 500 ? UNAVAILABLE : REJECTED;
		}
	}

	/** Where a network says, in an answer's headers, when its rate limit resets. */
	@FunctionalInterface
	public interface ResetReader {

		/** The reset, or empty when the headers do not say (or say it unreadably). */
		Optional<Instant> resetAt(HttpHeaders headers, Instant now);
	}

	/**
	 * The exception for an answer that failed as {@code kind}, worded the same for every network.
	 * A network's client decides {@code kind}: {@link Failure#of(int)} from the status, or its own
	 * reading of the error in the body where the network says more (Graph's codes, Google's reasons).
	 * Its {@link ConnectorException#reason() reason} is {@code connectors.failure.<kind>} (or
	 * {@code ….detail} when the network explained itself) with the network, the status and the
	 * network's own words as arguments; its message is the same in English, for the logs.
	 * @param network names the network ("X", "Meta"); a name is the same in every language
	 * @param detail the network's own explanation from the body, or empty
	 * @param reset read only when rate limited; when it says nothing, the wait is a minute from {@code now}
	 */
	public static ConnectorException failure(String network, Failure kind, int status, String detail,
			HttpHeaders headers, ResetReader reset, Instant now) {
		return failed(network, network, kind, status, detail, headers, reset, now);
	}

	/**
	 * {@link #failure(String, Failure, int, String, HttpHeaders, ResetReader, Instant)} for a subject
	 * that has words of its own ("the Mastodon instance", "the feed at …").
	 * @param subject what failed, translated where it is shown
	 * @param logged the same subject in English, for the log message
	 */
	public static ConnectorException failure(Reason subject, String logged, Failure kind, int status, String detail,
			HttpHeaders headers, ResetReader reset, Instant now) {
		return failed(subject, logged, kind, status, detail, headers, reset, now);
	}

	/** @param subject a name ({@code String}) or words of its own ({@link Reason}) */
	private static ConnectorException failed(Object subject, String logged, Failure kind, int status, String detail,
			HttpHeaders headers, ResetReader reset, Instant now) {
		String said = detail.isBlank() ? "" : abbreviate(detail.strip());
		String key = "connectors.failure." + switch (kind) {
			case RATE_LIMITED -> "rate-limited";
			case AUTH_REVOKED -> "revoked";
			case UNAVAILABLE -> "unavailable";
			case REJECTED -> "rejected";
		} + (said.isEmpty() ? "" : ".detail");
		Reason reason = said.isEmpty() ? Reason.of(key, subject, String.valueOf(status))
				: Reason.of(key, subject, String.valueOf(status), said);
		String why = " (HTTP " + status + (said.isEmpty() ? "" : ": " + said) + ")";
		return switch (kind) {
			case RATE_LIMITED -> new ConnectorException.RateLimited(logged + ": too many requests" + why, reason,
					reset.resetAt(headers, now).orElse(now.plus(DEFAULT_WAIT)));
			case AUTH_REVOKED -> new ConnectorException.AuthRevoked(logged
					+ " refuses this account's access (token or key expired or revoked): reconnect the account" + why, reason);
			case UNAVAILABLE -> new ConnectorException.Unavailable(logged + " is unavailable" + why, reason);
			case REJECTED -> new ConnectorException.Rejected(logged + " refused the request" + why, reason);
		};
	}

	/** {@code Retry-After}, as seconds or as an HTTP date (RFC 9110). */
	public static Optional<Instant> retryAfter(HttpHeaders headers, Instant now) {
		return headers.firstValue("Retry-After").map(String::trim).flatMap(v -> {
			try {
				return Optional.of(now.plusSeconds(Long.parseLong(v)));
			}
			catch (NumberFormatException notSeconds) {
				try {
					return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
				}
				catch (DateTimeParseException notADate) {
					return Optional.empty();
				}
			}
		});
	}

	/** A header holding an instant as epoch seconds, as X's {@code x-rate-limit-reset} and Bluesky's {@code RateLimit-Reset} do. */
	public static Optional<Instant> epochSeconds(HttpHeaders headers, String name) {
		return headers.firstValue(name).map(String::trim).flatMap(v -> {
			try {
				return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
			}
			catch (NumberFormatException | DateTimeException unreadable) {
				return Optional.empty();
			}
		});
	}

	/** Parses JSON text; an empty text is an empty object. */
	public static JsonNode parse(String text) throws ConnectorException.Unavailable {
		if (text.isBlank()) {
			return JSON.createObjectNode();
		}
		try {
			return JSON.readTree(text);
		}
		catch (JacksonException e) {
			throw new ConnectorException.Unavailable("The answer is not JSON: " + abbreviate(text),
					Reason.of("connectors.answer-not-json", abbreviate(text)), e);
		}
	}

	/** Writes a JSON value as text. */
	public static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** The shared mapper, for building request bodies. */
	public static JsonMapper mapper() {
		return JSON;
	}

	/** {@code a=1&b=2}, UTF-8 percent-encoded, in the map's order, skipping null values. */
	public static String form(Map<String, String> params) {
		return params.entrySet().stream()
			.filter(e -> e.getValue() != null)
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	public static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** {@code base + path + ?query}, the query left out when there are no parameters. */
	public static URI uri(String base, String path, Map<String, String> params) {
		String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		String p = path.startsWith("/") ? path : "/" + path;
		return URI.create(b + p + (params.isEmpty() ? "" : "?" + form(params)));
	}

	/** The first 200 characters, for error messages. */
	public static String abbreviate(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200) + "…";
	}

	/** The text of {@code node}, or null when absent or JSON null. */
	public static @Nullable String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return v == null || v.isNull() || v.isMissingNode() ? null : v.asString();
	}

	/** The text of {@code node.field}, or {@code fallback}. */
	public static String text(JsonNode node, String field, String fallback) {
		String v = text(node, field);
		return v == null ? fallback : v;
	}

	/** A number of {@code node.field} (also when sent as a string, as Google does), or null. */
	public static @Nullable Long number(JsonNode node, String field) {
		JsonNode v = node.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (v.isNumber()) {
			return v.longValue();
		}
		try {
			return Long.parseLong(v.asString().trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
