package org.vigie.connectors.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server for connector unit tests: answers by (method, path) with canned bodies
 * and records every request. Routes match on the path only; the handler sees the query.
 */
public final class FakeHttp implements AutoCloseable {

	/** A request as received. */
	public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.findFirst().map(e -> e.getValue().get(0)).orElse("");
		}
	}

	/** An answer. */
	public record Response(int status, String body, Map<String, String> headers) {

		public static Response json(String body) {
			return new Response(200, body, Map.of());
		}

		public static Response status(int status, String body) {
			return new Response(status, body, Map.of());
		}
	}

	private final HttpServer server;

	private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	public FakeHttp() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(),
					exchange.getRequestHeaders(), body);
			requests.add(request);
			Function<Request, Response> route = routes.get(request.method() + " " + request.path());
			Response response = route == null ? Response.status(404, "{\"error\":{\"message\":\"no route\",\"code\":803}}")
					: route.apply(request);
			byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
			exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
			exchange.close();
		});
		server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public FakeHttp on(String method, String path, Function<Request, Response> handler) {
		routes.put(method + " " + path, handler);
		return this;
	}

	public FakeHttp on(String method, String path, String jsonBody) {
		return on(method, path, r -> Response.json(jsonBody));
	}

	public List<Request> requests() {
		return List.copyOf(requests);
	}

	/** The decoded query parameter {@code name} of a request, or empty string. */
	public static String param(Request request, String name) {
		for (String pair : request.query().split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
				return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return "";
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
