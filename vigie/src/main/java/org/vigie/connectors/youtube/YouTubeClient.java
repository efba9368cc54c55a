package org.vigie.connectors.youtube;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.OAuthTokens;

/**
 * HTTP calls to {@code /youtube/v3/…} with an OAuth bearer token refreshed as needed; each call
 * is charged to the quota before it is made (Google charges failed calls too). Google's error
 * object is translated by {@code errors[0].reason}.
 */
final class YouTubeClient {

	/** Reasons that mean a rate limit or a passing failure whatever the status. */
	private static final Map<String, JsonHttp.Failure> REASONS = Map.of("rateLimitExceeded", JsonHttp.Failure.RATE_LIMITED,
			"userRateLimitExceeded", JsonHttp.Failure.RATE_LIMITED, "backendError", JsonHttp.Failure.UNAVAILABLE,
			"processingFailure", JsonHttp.Failure.UNAVAILABLE);

	private final JsonHttp http;

	private final String base;

	private final OAuthTokens tokens;

	private final YouTubeQuota quota;

	private final Clock clock;

	YouTubeClient(JsonHttp http, String baseUrl, OAuthTokens tokens, YouTubeQuota quota, Clock clock) {
		this.http = http;
		this.base = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/youtube/v3";
		this.tokens = tokens;
		this.quota = quota;
		this.clock = clock;
	}

	JsonNode get(String resource, Map<String, String> params, String bucket, long cost) throws ConnectorException {
		URI uri = JsonHttp.uri(base, resource, params);
		return call(bucket, cost, () -> http.get(uri, auth()));
	}

	JsonNode post(String resource, Map<String, String> params, Object body, long cost) throws ConnectorException {
		URI uri = JsonHttp.uri(base, resource, params);
		return call(YouTubeQuota.UNITS, cost, () -> http.postJson(uri, auth(), body));
	}

	JsonNode postEmpty(String resource, Map<String, String> params, long cost) throws ConnectorException {
		URI uri = JsonHttp.uri(base, resource, params);
		return call(YouTubeQuota.UNITS, cost, () -> http.postForm(uri, auth(), Map.of()));
	}

	JsonNode delete(String resource, Map<String, String> params, long cost) throws ConnectorException {
		URI uri = JsonHttp.uri(base, resource, params);
		return call(YouTubeQuota.UNITS, cost, () -> http.delete(uri, auth()));
	}

	private interface Call {

		JsonHttp.Response send() throws ConnectorException;
	}

	private Map<String, String> auth() throws ConnectorException {
		return Map.of("Authorization", "Bearer " + tokens.accessToken());
	}

	private JsonNode call(String bucket, long cost, Call call) throws ConnectorException {
		quota.spend(bucket, cost);
		JsonHttp.Response r = call.send();
		if (r.status() == 401 && tokens.canRefresh()) {
			// An access token lasts an hour; one refresh and one retry before calling the account revoked.
			tokens.refresh();
			r = call.send();
		}
		if (r.ok()) {
			return r.json();
		}
		throw translate(r, bucket);
	}

	/** Google's {@code errors[0].reason} says more than the status: a 403 can be a quota, a rate limit or a refusal. */
	private ConnectorException translate(JsonHttp.Response r, String bucket) throws ConnectorException {
		JsonNode error = r.body().isBlank() ? JsonHttp.mapper().createObjectNode() : JsonHttp.parse(r.body()).path("error");
		String reason = JsonHttp.text(error.path("errors").path(0), "reason", "");
		String message = JsonHttp.text(error, "message", "").replaceAll("<[^>]+>", "");
		JsonHttp.Failure kind = "authError".equals(reason) ? JsonHttp.Failure.AUTH_REVOKED : JsonHttp.Failure.of(r.status());
		if (kind != JsonHttp.Failure.AUTH_REVOKED && ("quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason))) {
			return quota.exhausted(bucket);
		}
		if (kind == JsonHttp.Failure.REJECTED || kind == JsonHttp.Failure.UNAVAILABLE) {
			kind = REASONS.getOrDefault(reason, kind);
		}
		// Google usually sends no Retry-After: the default minute is its documented pace for burst limits.
		return JsonHttp.failure("YouTube", kind, r.status(), reason.isEmpty() ? message : reason + " : " + message,
				r.headers(), JsonHttp::retryAfter, clock.instant());
	}

	static Instant time(JsonNode node, String field) {
		String text = JsonHttp.text(node, field);
		if (text == null) {
			throw new IllegalArgumentException("no " + field);
		}
		return Instant.parse(text);
	}
}
