package org.vigie.simulator.meta;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigie.shared.Network;
import org.vigie.simulator.RateWindows;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimRequest;
import org.vigie.simulator.SimResponse;
import org.vigie.simulator.Simulator;

/** What the two Graph fakes share: version prefix, token check, error object, usage headers, cursor paging. */
final class Graph {

	static final String VERSION = "/v26.0";

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

	/** Calls per token per hour before Graph throttles (a stand-in for the business use case limit). */
	static final int CALLS_PER_HOUR = 4800;

	private Graph() {
	}

	static String time(Instant at) {
		return TIME.format(at);
	}

	/** The token of the request: {@code Authorization: Bearer}/{@code OAuth}, or the {@code access_token} parameter. */
	static String token(SimRequest r) {
		String auth = r.header("authorization");
		if (auth != null && auth.regionMatches(true, 0, "OAuth ", 0, 6)) {
			return auth.substring(6).trim();
		}
		String bearer = r.bearer();
		if (!bearer.isEmpty()) {
			return bearer;
		}
		return r.param("access_token").orElse(r.formField("access_token"));
	}

	static SimResponse error(int status, int code, String message, boolean transientError) {
		ObjectNode e = JSON.createObjectNode();
		ObjectNode error = e.putObject("error");
		error.put("message", message).put("type", "OAuthException").put("code", code);
		if (code == 190) {
			error.put("error_subcode", 460);
		}
		if (transientError) {
			error.put("is_transient", true);
		}
		error.put("fbtrace_id", "Sim" + Long.toHexString(System.nanoTime()));
		return SimResponse.json(status, e.toString());
	}

	/** Graph answers throttling with HTTP 400 and code 32 (Page) or 4 (app), the usage headers and, here, a Retry-After. */
	static Map<String, String> usage(String objectId, int limit, int remaining, Instant reset, Instant now) {
		int percent = limit == 0 ? 100 : (int) Math.min(100, (limit - remaining) * 100L / limit);
		long seconds = Math.max(0, Duration.between(now, reset).getSeconds());
		String buc = "{\"" + objectId + "\":[{\"type\":\"pages\",\"call_count\":" + percent
				+ ",\"total_cputime\":" + percent / 4 + ",\"total_time\":" + percent / 3 + ",\"estimated_time_to_regain_access\":"
				+ (remaining > 0 ? 0 : (seconds + 59) / 60) + "}]}";
		return remaining > 0 ? Map.of("X-Business-Use-Case-Usage", buc)
				: Map.of("X-Business-Use-Case-Usage", buc, "Retry-After", Long.toString(seconds));
	}

	static Optional<SimResponse> throttle(Simulator sim, SimRequest r, String objectId) {
		RateWindows.Window w = sim.windows().hit("graph:" + token(r), CALLS_PER_HOUR, Duration.ofHours(1), r.now());
		if (!w.allowed()) {
			return Optional.of(error(400, 32, "(#32) Page request limit reached", true)
				.with(usage(objectId, w.limit(), 0, w.reset(), r.now())));
		}
		return Optional.empty();
	}

	/** {@code limit} as Graph reads it: default 25, at most 100. */
	static int limit(SimRequest r) {
		try {
			return Math.max(1, Math.min(100, Integer.parseInt(r.param("limit").orElse("25"))));
		}
		catch (NumberFormatException e) {
			return 25;
		}
	}

	/** {@code since} (unix seconds), inclusive; EPOCH when absent. */
	static Instant since(SimRequest r) {
		try {
			return Instant.ofEpochSecond(Long.parseLong(r.param("since").orElse("0")));
		}
		catch (NumberFormatException e) {
			return Instant.EPOCH;
		}
	}

	static String cursor(String simId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("c:" + simId).getBytes(StandardCharsets.UTF_8));
	}

	static long uncursor(String cursor) {
		try {
			String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			return Long.parseLong(s.substring(2));
		}
		catch (IllegalArgumentException e) {
			return -1;
		}
	}

	/**
	 * One page of {@code posts} (already in the edge's order) after the {@code after} cursor, as
	 * {@code {data, paging}} with {@code paging.next} only when more follow.
	 */
	static ObjectNode page(SimRequest r, List<SimPost> posts, boolean ascending, Function<SimPost, ObjectNode> render) {
		int limit = limit(r);
		long after = r.param("after").map(Graph::uncursor).orElse(-1L);
		List<SimPost> rest = after < 0 ? posts
				: posts.stream().filter(p -> ascending ? p.number() > after : p.number() < after).toList();
		List<SimPost> slice = rest.subList(0, Math.min(limit, rest.size()));
		ObjectNode body = JSON.createObjectNode();
		ArrayNode data = body.putArray("data");
		slice.forEach(p -> data.add(render.apply(p)));
		ObjectNode paging = body.putObject("paging");
		if (!slice.isEmpty()) {
			ObjectNode cursors = paging.putObject("cursors");
			cursors.put("before", cursor(slice.get(0).id()));
			cursors.put("after", cursor(slice.get(slice.size() - 1).id()));
			if (rest.size() > slice.size()) {
				paging.put("next", r.base() + r.path() + "?limit=" + limit + "&after=" + cursor(slice.get(slice.size() - 1).id()));
			}
		}
		return body;
	}

	/** The part after the last {@code _} of a Graph id ({@code PAGE_POST}, {@code POST_COMMENT}). */
	static String simId(String graphId) {
		int u = graphId.lastIndexOf('_');
		return u < 0 ? graphId : graphId.substring(u + 1);
	}

	/** Metrics Meta removed in 2025 (impressions, page fans, engaged users…): asking for one fails the whole request with #100. */
	static final Set<String> RETIRED = Set.of("post_impressions", "post_impressions_unique", "post_impressions_organic",
			"post_impressions_paid", "post_engaged_users", "page_impressions", "page_impressions_unique", "page_fans",
			"page_fan_adds", "page_engaged_users", "page_views_total", "impressions", "plays", "video_views", "engagement");

	static SimResponse invalidMetric(String metric) {
		return error(400, 100, "(#100) The value must be a valid insights metric: " + metric + " is no longer supported", false);
	}

	static Network network(boolean instagram) {
		return instagram ? Network.INSTAGRAM : Network.FACEBOOK;
	}
}
