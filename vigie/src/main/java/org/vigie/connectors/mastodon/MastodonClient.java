package org.vigie.connectors.mastodon;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to one Mastodon instance: bearer auth, {@code Idempotency-Key} on posts, and the
 * translation of statuses by {@link JsonHttp#failure}, a 429 waiting until {@code X-RateLimit-Reset}
 * (ISO 8601), with Mastodon's {@code error} text in the message. Thread-safe.
 */
final class MastodonClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonHttp http;

	private final Clock clock;

	private final String base;

	private final String token;

	MastodonClient(JsonHttp http, Clock clock, String base, String token) {
		this.http = http;
		this.clock = clock;
		this.base = base.replaceAll("/+$", "");
		this.token = token;
	}

	/** A response body with its {@code Link} header. */
	record Page(JsonNode body, @Nullable String link) {
	}

	Page get(String path, String query) throws ConnectorException {
		HttpRequest request = http.request(base + path + (query.isEmpty() ? "" : "?" + query))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		HttpResponse<String> response = http.send(request);
		return new Page(read(response), response.headers().firstValue("link").orElse(null));
	}

	JsonNode send(String method, String path, @Nullable Map<String, Object> body, @Nullable String idempotencyKey)
			throws ConnectorException {
		HttpRequest.Builder b = http.request(base + path).header("Authorization", "Bearer " + token);
		if (idempotencyKey != null) {
			b.header("Idempotency-Key", idempotencyKey);
		}
		if (body != null) {
			b.header("Content-Type", "application/json");
		}
		b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		return read(http.send(b.build()));
	}

	private JsonNode read(HttpResponse<String> response) throws ConnectorException {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return JsonHttp.parse(response.body());
		}
		// Mastodon tokens do not expire: a 401 means the access was revoked.
		throw JsonHttp.failure(Reason.of("connectors.subject.mastodon"), "The Mastodon instance", JsonHttp.Failure.of(status), status, error(response.body()),
				response.headers(), MastodonClient::resetAt, clock.instant());
	}

	/** {@code X-RateLimit-Reset}, which Mastodon sends as an ISO 8601 instant. */
	static Optional<Instant> resetAt(HttpHeaders headers, Instant now) {
		return headers.firstValue("x-ratelimit-reset").flatMap(reset -> {
			try {
				return Optional.of(Instant.parse(reset.trim()));
			}
			catch (DateTimeParseException unreadable) {
				return Optional.empty();
			}
		});
	}

	static String error(String body) {
		try {
			JsonNode n = JSON.readTree(body);
			String e = n.path("error").asString("");
			return e.isEmpty() ? body : e;
		}
		catch (JacksonException e) {
			return body.length() > 200 ? body.substring(0, 200) : body;
		}
	}
}
