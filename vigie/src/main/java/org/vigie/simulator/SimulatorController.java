package org.vigie.simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.shared.Network;

/** Mounts every {@link NetworkFake} under {@code /sim/<network>/…} on Vigie's own port. */
@RestController
class SimulatorController {

	private final Simulator simulator;

	SimulatorController(Simulator simulator, List<NetworkFake> fakes) {
		this.simulator = simulator;
		fakes.forEach(simulator::register);
	}

	@RequestMapping("/sim/{network}/**")
	ResponseEntity<String> handle(@PathVariable String network, HttpServletRequest http) throws IOException {
		Network net = Network.fromId(network).orElse(null);
		if (net == null) {
			return ResponseEntity.notFound().build();
		}
		String prefix = http.getContextPath() + "/sim/" + network;
		String path = http.getRequestURI().substring(prefix.length());
		Map<String, List<String>> query = parse(http.getQueryString());
		String body = new String(http.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String type = http.getContentType();
		if (body.isEmpty() && type != null && type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			// The container already read the form into parameters: rebuild it without the query's.
			List<String> pairs = new ArrayList<>();
			http.getParameterMap().forEach((k, values) -> {
				List<String> fromQuery = query.getOrDefault(k, List.of());
				for (int i = fromQuery.size(); i < values.length; i++) {
					pairs.add(encode(k) + "=" + encode(values[i]));
				}
			});
			body = String.join("&", pairs);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : Collections.list(http.getHeaderNames())) {
			headers.put(name.toLowerCase(Locale.ROOT), http.getHeader(name));
		}
		String base = http.getRequestURL().toString();
		base = base.substring(0, base.length() - path.length());
		SimRequest request = new SimRequest(http.getMethod(), path.isEmpty() ? "/" : path, query, headers, body, base,
				simulator.clock().instant());
		SimResponse response = simulator.dispatch(net, request);
		HttpHeaders out = new HttpHeaders();
		response.headers().forEach(out::set);
		out.set(HttpHeaders.CONTENT_TYPE, response.contentType());
		return ResponseEntity.status(response.status()).headers(out).body(response.body());
	}

	/** Parses a query string keeping repeated names in order. */
	static Map<String, List<String>> parse(String raw) {
		Map<String, List<String>> out = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return out;
		}
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
		}
		return out;
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
