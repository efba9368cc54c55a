package org.vigie.connectors.rss;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Reason;

/**
 * Fetches a feed over HTTP with a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}),
 * following redirects itself so that a permanent one can update the stored URL. Translates every
 * HTTP failure into a {@link ConnectorException}. Thread-safe.
 */
final class FeedClient {

	private static final int MAX_REDIRECTS = 5;

	private final HttpClient http;

	private final RssSettings settings;

	private final Clock clock;

	FeedClient(HttpClient http, RssSettings settings, Clock clock) {
		this.http = http;
		this.settings = settings;
		this.clock = clock;
	}

	/** What a fetch produced. */
	sealed interface Result permits NotModified, Fetched {

		/** The URL to use from now on: a permanent redirect moves the feed. */
		URI url();
	}

	/** {@code 304 Not Modified}: nothing new since the validators we sent. */
	record NotModified(URI url) implements Result {
	}

	/** A {@code 200} with its body and the validators to send next time. */
	record Fetched(URI url, byte[] body, @Nullable String contentType, @Nullable String etag,
			@Nullable String lastModified) implements Result {
	}

	Result fetch(URI url, @Nullable String etag, @Nullable String lastModified) throws ConnectorException {
		URI current = url;
		URI permanent = url;
		boolean onlyPermanentRedirects = true;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			HttpResponse<InputStream> response = send(current, etag, lastModified);
			int status = response.statusCode();
			if (isRedirect(status)) {
				closeQuietly(response);
				String location = response.headers().firstValue("Location")
					.orElseThrow(() -> new ConnectorException.Unavailable(
							"The feed at " + shown(url) + " redirects without saying where (HTTP " + status + ")",
							Reason.of("connectors.feed.redirect-nowhere", shown(url), String.valueOf(status))));
				current = current.resolve(location.trim());
				onlyPermanentRedirects &= status == 301 || status == 308;
				if (onlyPermanentRedirects) {
					permanent = current;
				}
				continue;
			}
			return answer(url, permanent, response);
		}
		throw new ConnectorException.Unavailable("The feed at " + shown(url) + " redirects more than " + MAX_REDIRECTS + " times",
				Reason.of("connectors.feed.redirect-loop", shown(url), String.valueOf(MAX_REDIRECTS)));
	}

	private HttpResponse<InputStream> send(URI url, @Nullable String etag, @Nullable String lastModified)
			throws ConnectorException {
		if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
			throw new ConnectorException.Rejected("A feed address must start with http:// or https://: " + shown(url),
					Reason.of("connectors.rss.scheme"));
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(settings.timeout())
			.header("User-Agent", settings.userAgent())
			.header("Accept", "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, "
					+ "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1")
			.GET();
		if (etag != null && !etag.isBlank()) {
			request.header("If-None-Match", etag);
		}
		if (lastModified != null && !lastModified.isBlank()) {
			request.header("If-Modified-Since", lastModified);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new ConnectorException.Unavailable("The feed at " + shown(url) + " could not be reached: " + ex.getMessage(),
					Reason.of("connectors.feed.unreachable", shown(url), String.valueOf(ex.getMessage())), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ConnectorException.interrupted("RSS", "Interrupted while reading the feed at " + shown(url), ex);
		}
	}

	private Result answer(URI requested, URI url, HttpResponse<InputStream> response) throws ConnectorException {
		int status = response.statusCode();
		if (status == 304) {
			closeQuietly(response);
			return new NotModified(url);
		}
		if (status >= 200 && status < 300) {
			byte[] body = readCapped(requested, response);
			return new Fetched(url, body, response.headers().firstValue("Content-Type").orElse(null),
					response.headers().firstValue("ETag").orElse(null),
					response.headers().firstValue("Last-Modified").orElse(null));
		}
		closeQuietly(response);
		if (status == 404 || status == 410) {
			throw new ConnectorException.Rejected("The feed at " + shown(requested)
					+ (status == 410 ? " is gone for good (HTTP 410)" : " was not found (HTTP 404)"),
					Reason.of(status == 410 ? "connectors.feed.gone" : "connectors.feed.not-found", shown(requested)));
		}
		// A feed is a file on a web host, not an API with documented errors: any other refusal is taken for
		// the host's passing trouble and retried; a 429 or 503 is a rate limit only when it says how long.
		Instant now = clock.instant();
		JsonHttp.Failure kind = (status == 429 || status == 503) && JsonHttp.retryAfter(response.headers(), now).isPresent()
				? JsonHttp.Failure.RATE_LIMITED
				: status == 401 || status == 403 ? JsonHttp.Failure.AUTH_REVOKED : JsonHttp.Failure.UNAVAILABLE;
		throw JsonHttp.failure(Reason.of("connectors.subject.feed", shown(requested)), "The feed at " + shown(requested), kind, status, "", response.headers(), JsonHttp::retryAfter, now);
	}

	private byte[] readCapped(URI url, HttpResponse<InputStream> response) throws ConnectorException {
		try (InputStream in = response.body()) {
			byte[] body = in.readNBytes(settings.maxBytes() + 1);
			if (body.length > settings.maxBytes()) {
				throw new ConnectorException.Rejected(
						"The feed at " + shown(url) + " is larger than " + settings.maxBytes() / 1024 + " KiB",
						Reason.of("connectors.feed.too-large", shown(url), String.valueOf(settings.maxBytes() / 1024)));
			}
			return body;
		}
		catch (IOException ex) {
			throw new ConnectorException.Unavailable("The feed at " + shown(url) + " broke off while downloading: "
					+ ex.getMessage(), Reason.of("connectors.feed.broke-off", shown(url), String.valueOf(ex.getMessage())), ex);
		}
	}

	/**
	 * A feed's address as messages show it (they reach the log, the accounts page and the API): without
	 * its query, which on a private feed carries the key.
	 */
	static String shown(URI url) {
		if (url.getRawQuery() == null) {
			return url.toString();
		}
		String s = url.toString();
		return s.substring(0, s.indexOf('?')) + "?…";
	}

	/** Query parameters that carry a private feed's credential (key, token, signature…). */
	private static final Pattern SECRET_PARAMETER = Pattern.compile(
			"(?i)(key|apikey|api_key|token|access_token|private_token|auth|secret|sig|signature|password|passwd|pass|passkey|hash)");

	/**
	 * A feed's address without the query parameters that carry its credential: what identifies the
	 * feed (two feeds that differ by {@code ?format=} stay two, the same private feed with a new key
	 * stays one) and may be shown and stored in the clear.
	 */
	static String publicAddress(URI url) {
		String query = url.getRawQuery();
		String s = url.toString();
		if (query == null) {
			return s;
		}
		String kept = Arrays.stream(query.split("&"))
			.filter(p -> !p.isEmpty() && !SECRET_PARAMETER.matcher(p.split("=", 2)[0]).matches())
			.collect(Collectors.joining("&"));
		String head = s.substring(0, s.indexOf('?'));
		String fragment = url.getRawFragment() == null ? "" : "#" + url.getRawFragment();
		return head + (kept.isEmpty() ? "" : "?" + kept) + fragment;
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	private static void closeQuietly(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ignored) {
			// the connection is discarded anyway
		}
	}
}
