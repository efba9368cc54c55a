package org.vigie.connectors.bluesky;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * XRPC over HTTP for one server (a PDS): queries are {@code GET /xrpc/<nsid>?params}, procedures
 * {@code POST /xrpc/<nsid>} with a JSON body. Translates the answers into JSON or into
 * {@link ConnectorException}s, except a refused token, which is a {@link TokenRejected} so that
 * the session can refresh it and try again. Honours {@code RateLimit-*} headers: once a response
 * says nothing remains, calls fail fast with {@code RateLimited} until the reset.
 * Not thread-safe (one connector, one thread).
 */
final class XrpcClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Errors that mean the bearer token itself was refused. */
	private static final Set<String> TOKEN_ERRORS = Set.of("ExpiredToken", "InvalidToken");

	private final HttpClient http;

	private final URI base;

	private final Clock clock;

	private final Duration timeout;

	private @Nullable Instant blockedUntil;

	private @Nullable RateLimit lastRateLimit;

	XrpcClient(HttpClient http, URI base, Clock clock, Duration timeout) {
		this.http = http;
		String b = base.toString();
		this.base = URI.create(b.endsWith("/") ? b : b + "/");
		this.clock = clock;
		this.timeout = timeout;
	}

	/** The bearer token was refused: expired ({@code ExpiredToken}) or not valid ({@code InvalidToken}, 401). */
	static final class TokenRejected extends Exception {

		private final String error;

		TokenRejected(String error, String message) {
			super(message);
			this.error = error;
		}

		boolean expired() {
			return error.equals("ExpiredToken");
		}
	}

	/** The last {@code RateLimit-*} headers seen. */
	record RateLimit(long limit, long remaining, Instant reset, @Nullable String policy) {
	}

	Optional<RateLimit> lastRateLimit() {
		return Optional.ofNullable(lastRateLimit);
	}

	/** A query ({@code GET}); {@code params} values that are lists repeat the parameter. */
	JsonNode query(String nsid, Map<String, ?> params, @Nullable String bearer, Map<String, String> headers)
			throws ConnectorException, TokenRejected {
		StringBuilder query = new StringBuilder();
		params.forEach((name, value) -> {
			if (value instanceof List<?> list) {
				list.forEach(v -> append(query, name, String.valueOf(v)));
			}
			else if (value != null) {
				append(query, name, String.valueOf(value));
			}
		});
		URI uri = base.resolve("xrpc/" + nsid + (query.isEmpty() ? "" : "?" + query));
		return send(nsid, HttpRequest.newBuilder(uri).GET(), bearer, headers);
	}

	/** A procedure ({@code POST} with a JSON body, or none when {@code body} is null). */
	JsonNode procedure(String nsid, @Nullable JsonNode body, @Nullable String bearer, Map<String, String> headers)
			throws ConnectorException, TokenRejected {
		URI uri = base.resolve("xrpc/" + nsid);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri);
		if (body == null) {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
		}
		return send(nsid, request, bearer, headers);
	}

	private JsonNode send(String nsid, HttpRequest.Builder request, @Nullable String bearer, Map<String, String> headers)
			throws ConnectorException, TokenRejected {
		Instant now = clock.instant();
		if (blockedUntil != null && now.isBefore(blockedUntil)) {
			throw new ConnectorException.RateLimited("Bluesky's rate limit is used up until " + blockedUntil,
					Reason.of("connectors.wait-until", "Bluesky", blockedUntil.toString()), blockedUntil);
		}
		request.timeout(timeout).header("Accept", "application/json").header("User-Agent", "Vigie/0.1");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		headers.forEach(request::header);
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new ConnectorException.Unavailable("Bluesky (" + base + ") could not be reached for " + nsid + ": "
					+ ex.getMessage(), Reason.of("connectors.no-answer", "Bluesky (" + base + ")", String.valueOf(ex.getMessage())), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ConnectorException.interrupted("Bluesky", "Interrupted while calling Bluesky " + nsid, ex);
		}
		readRateLimit(response.headers());
		return answer(nsid, response);
	}

	private JsonNode answer(String nsid, HttpResponse<String> response) throws ConnectorException, TokenRejected {
		int status = response.statusCode();
		JsonNode body = parse(response.body());
		if (status >= 200 && status < 300) {
			if (body == null) {
				if (response.body() == null || response.body().isBlank()) {
					return JSON.createObjectNode();
				}
				throw ConnectorException.unexpected("Bluesky", "Bluesky answered " + nsid + " with something that is not JSON");
			}
			return body;
		}
		String error = body == null ? "" : body.path("error").asString("");
		String message = body == null ? "" : body.path("message").asString("");
		String words = error.isEmpty() ? "" : error + (message.isEmpty() ? "" : ": " + message);
		if (status != 429 && (TOKEN_ERRORS.contains(error) || status == 401 && !error.equals("AuthenticationRequired"))) {
			throw new TokenRejected(error.isEmpty() ? "InvalidToken" : error, words.isEmpty() ? "HTTP " + status : words);
		}
		// A 403 refuses this account (taken down, deactivated), not the request; a 408 is the server's timeout.
		JsonHttp.Failure kind = status == 403 ? JsonHttp.Failure.AUTH_REVOKED
				: status == 408 ? JsonHttp.Failure.UNAVAILABLE : JsonHttp.Failure.of(status);
		ConnectorException failure = JsonHttp.failure("Bluesky", kind, status, nsid + (words.isEmpty() ? "" : " : " + words),
				response.headers(), XrpcClient::retryAt, clock.instant());
		if (failure instanceof ConnectorException.RateLimited limited) {
			blockedUntil = limited.retryAt();
		}
		throw failure;
	}

	private void readRateLimit(HttpHeaders headers) {
		Optional<String> remaining = headers.firstValue("RateLimit-Remaining");
		Optional<String> reset = headers.firstValue("RateLimit-Reset");
		if (remaining.isEmpty() || reset.isEmpty()) {
			return;
		}
		try {
			long left = Long.parseLong(remaining.get().trim());
			Instant resetAt = Instant.ofEpochSecond(Long.parseLong(reset.get().trim()));
			long limit = headers.firstValue("RateLimit-Limit").map(String::trim).map(Long::parseLong).orElse(-1L);
			lastRateLimit = new RateLimit(limit, left, resetAt, headers.firstValue("RateLimit-Policy").orElse(null));
			// Nothing left: the next call would be refused, so wait for the reset instead of spending a request.
			blockedUntil = left <= 0 ? resetAt : null;
		}
		catch (NumberFormatException | DateTimeException malformed) {
			// a server that sends unreadable rate-limit headers simply gets no proactive pause
		}
	}

	/** {@code Retry-After}, else {@code RateLimit-Reset} (epoch seconds) when it is still ahead. */
	private static Optional<Instant> retryAt(HttpHeaders headers, Instant now) {
		return JsonHttp.retryAfter(headers, now)
			.or(() -> JsonHttp.epochSeconds(headers, "RateLimit-Reset").filter(now::isBefore));
	}

	private static @Nullable JsonNode parse(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private static void append(StringBuilder query, String name, String value) {
		if (!query.isEmpty()) {
			query.append('&');
		}
		query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
	}
}
