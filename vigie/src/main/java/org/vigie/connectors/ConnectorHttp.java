package org.vigie.connectors;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plumbing every network's Client shares: one JDK {@link HttpClient} (HTTP/1.1, which plain
 * http servers such as Bluesky's and the simulator need), form and query encoding, and the
 * translation of transport failures into {@link ConnectorException.Unavailable}. Thread-safe.
 */
public final class ConnectorHttp {

	private final HttpClient client;

	private final Duration timeout;

	public ConnectorHttp(Duration timeout) {
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A request builder for {@code url} with the timeout and a User-Agent set. */
	public HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("User-Agent", "Vigie/0.1");
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
			throw new ConnectorException.Unavailable("Le réseau ne répond pas (" + request.uri().getHost() + ": "
					+ e.getClass().getSimpleName() + ")", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ConnectorException.Unavailable("Interrompu pendant l'appel au réseau", e);
		}
	}

	/** {@code a=1&b=2}, URL-encoded, skipping null values. */
	public static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.filter(e -> e.getValue() != null)
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	public static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
