package org.vigie.connectors.reddit;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.OAuthTokens;
import org.vigie.shared.Reason;

/** Calls {@code oauth.reddit.com} as one account, under the client's rate limit, with token refresh on 401. */
final class RedditClient {

	private final JsonHttp http;

	private final String base;

	private final OAuthTokens tokens;

	private final RedditRateLimiter limiter;

	private final String clientId;

	private final Clock clock;

	RedditClient(JsonHttp http, String baseUrl, OAuthTokens tokens, RedditRateLimiter limiter, String clientId,
			Clock clock) {
		this.http = http;
		this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.tokens = tokens;
		this.limiter = limiter;
		this.clientId = clientId;
		this.clock = clock;
	}

	JsonNode get(String path, Map<String, String> params) throws ConnectorException {
		URI uri = JsonHttp.uri(base, path, params);
		return call(() -> http.get(uri, auth()));
	}

	/** A write with {@code api_type=json}: Reddit answers 200 with {@code json.errors} when it refuses. */
	JsonNode post(String path, Map<String, String> form) throws ConnectorException {
		URI uri = JsonHttp.uri(base, path, Map.of());
		JsonNode body = call(() -> http.postForm(uri, auth(), form));
		JsonNode errors = body.path("json").path("errors");
		if (errors.isArray() && !errors.isEmpty()) {
			JsonNode first = errors.get(0);
			String code = first.path(0).asString("");
			String message = first.path(1).asString("");
			if ("RATELIMIT".equals(code)) {
				throw new ConnectorException.RateLimited("Reddit: " + message,
						Reason.of("connectors.network-said", "Reddit", message),
						clock.instant().plus(waitFrom(message)));
			}
			throw new ConnectorException.Rejected("Reddit refused (" + code + "): " + message,
					Reason.of("connectors.authorize.refused", "Reddit", code + " " + message));
		}
		return body;
	}

	/** "…Take a break for 5 minutes…" or "…try again in 30 seconds…". */
	static Duration waitFrom(String message) {
		Matcher m = Pattern.compile("(\\d+)\\s*(second|minute|hour)").matcher(message);
		if (!m.find()) {
			return Duration.ofMinutes(10);
		}
		long n = Long.parseLong(m.group(1));
		return switch (m.group(2)) {
			case "second" -> Duration.ofSeconds(n);
			case "hour" -> Duration.ofHours(n);
			default -> Duration.ofMinutes(n);
		};
	}

	private interface Call {

		JsonHttp.Response send() throws ConnectorException;
	}

	private Map<String, String> auth() throws ConnectorException {
		return Map.of("Authorization", "bearer " + tokens.accessToken());
	}

	private JsonNode call(Call call) throws ConnectorException {
		limiter.acquire(clientId);
		JsonHttp.Response r = call.send();
		if (r.status() == 401 && tokens.canRefresh()) {
			tokens.refresh();
			limiter.acquire(clientId);
			r = call.send();
		}
		readLimits(r);
		if (r.ok()) {
			return r.json();
		}
		throw JsonHttp.failure("Reddit", JsonHttp.Failure.of(r.status()), r.status(), r.body(), r.headers(),
				(headers, now) -> reset(headers).map(now::plusSeconds), clock.instant());
	}

	/** {@code X-Ratelimit-Remaining} below one: stop this client until {@code X-Ratelimit-Reset} seconds from now. */
	private void readLimits(JsonHttp.Response r) {
		String remaining = r.header("X-Ratelimit-Remaining");
		if (!remaining.isBlank()) {
			try {
				if (Double.parseDouble(remaining) < 1) {
					limiter.blockUntil(clientId, clock.instant().plusSeconds(reset(r.headers()).orElse(60L)));
				}
			}
			catch (NumberFormatException e) {
				// An unreadable header is no reason to fail a good answer.
			}
		}
	}

	/** {@code X-Ratelimit-Reset}: the seconds left in Reddit's window, as a decimal. */
	private static Optional<Long> reset(HttpHeaders headers) {
		try {
			return headers.firstValue("X-Ratelimit-Reset").map(seconds -> (long) Math.ceil(Double.parseDouble(seconds)));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	static Instant created(JsonNode data) {
		JsonNode v = data.get("created_utc");
		if (v == null || !v.isNumber()) {
			throw new IllegalArgumentException("no created_utc");
		}
		return Instant.ofEpochMilli((long) (v.doubleValue() * 1000));
	}
}
