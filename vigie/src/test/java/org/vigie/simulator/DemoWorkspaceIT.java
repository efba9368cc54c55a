package org.vigie.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.vigie.shared.Network;
import org.vigie.workspace.ApiTokens;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo workspace as a person starting Vigie without credentials gets it (demo on, fan activity,
 * background polling; real clock): within two minutes of start, {@code GET /api/v1/items?network=…}
 * answers items for each of the eight networks (X, Facebook, Instagram, Mastodon, Bluesky, YouTube,
 * Reddit, RSS/Atom), read by the real connectors from the simulator over HTTP. And its trends
 * ({@code GET /api/v1/trends}), as the detectors find them in what the simulator writes: the uproar
 * planted on the last airing of Rivages in the history, under its own hashtag; the next season's
 * announcement planted a few minutes after start, raised live; no volume or mood trend from the
 * other shows' ordinary airings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vigie.simulator.demo=true", "vigie.simulator.generator-enabled=true",
				"vigie.ingest.scheduler-enabled=true" })
@ActiveProfiles("it")
class DemoWorkspaceIT {

	private static final List<Network> NETWORKS = List.of(Network.values());

	@LocalServerPort
	int port;

	@Autowired
	Team team;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Simulator simulator;

	private static String secret;

	private final HttpClient http = HttpClient.newHttpClient();

	/** One admin and API token for the whole class (the first admin can only be created once). */
	private synchronized String token() {
		if (secret == null) {
			User admin = team.createFirstAdmin("demo-check@prod.example", "Démo", "une phrase de passe assez longue");
			secret = tokens.create(admin.id(), admin.email(), "demo-check").secret();
		}
		return secret;
	}

	@Test
	void servesItemsOfXMastodonBlueskyAndRssWithinTwoMinutesOfStart() throws Exception {
		long start = System.nanoTime();
		String secret = token();
		Map<Network, Duration> firstSeen = new EnumMap<>(Network.class);
		while (firstSeen.size() < NETWORKS.size() && System.nanoTime() - start < Duration.ofMinutes(2).toNanos()) {
			for (Network network : NETWORKS) {
				if (firstSeen.containsKey(network)) {
					continue;
				}
				HttpResponse<String> response = http.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/api/v1/items?limit=5&network=" + network.id()))
					.header("Authorization", "Bearer " + secret)
					.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
				if (response.body().contains("\"network\":\"" + network.id() + "\"")) {
					firstSeen.put(network, Duration.ofNanos(System.nanoTime() - start));
				}
			}
			Thread.sleep(1_000);
		}
		System.out.println("demo workspace: first items per network after the test began: " + firstSeen);
		assertThat(firstSeen).containsOnlyKeys(NETWORKS);
	}

	private List<JsonNode> trends(String show, Instant since) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/trends?limit=500&show=" + show + "&since=" + since))
			.header("Authorization", "Bearer " + token())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<JsonNode> trends = new ArrayList<>();
		JsonMapper.builder().build().readTree(response.body()).forEach(trends::add);
		return trends;
	}

	private static boolean hasTerm(JsonNode trend, String term) {
		for (JsonNode t : trend.get("terms")) {
			if (t.asString().equals(term)) {
				return true;
			}
		}
		return false;
	}

	private static Instant startedAt(JsonNode trend) {
		return Instant.parse(trend.get("startedAt").asString());
	}

	@Test
	void trendsShowTheUproarOfTheLastAiringAndRaiseTheLiveAnnouncementButNotTheUsualAirings() throws Exception {
		List<FanActivity.Moment> moments = simulator.moments();
		assertThat(moments).hasSize(2);
		FanActivity.Moment uproar = moments.get(0);
		FanActivity.Moment live = moments.get(1);
		assertThat(uproar.show()).isEqualTo(FanActivity.CONTROVERSY);
		Instant since = simulator.clock().instant().minus(Duration.ofDays(8));
		String tag = "#" + FanActivity.CONTROVERSY_TAG.toLowerCase(java.util.Locale.ROOT);
		long start = System.nanoTime();

		// The history arrives through the connectors, then the trends replay it in its own time.
		List<JsonNode> found = List.of();
		while (System.nanoTime() - start < Duration.ofMinutes(8).toNanos()) {
			found = trends(uproar.show().slug(), since).stream().filter(t -> hasTerm(t, tag)).toList();
			if (!found.isEmpty()) {
				break;
			}
			Thread.sleep(2_000);
		}
		System.out.println("demo trends: the uproar listed after " + Duration.ofNanos(System.nanoTime() - start));
		assertThat(found).as("a trend of %s carrying %s", uproar.show().slug(), tag).isNotEmpty();
		for (JsonNode trend : found) {
			assertThat(startedAt(trend)).isBetween(uproar.from().minus(Duration.ofMinutes(10)), uproar.to());
		}

		// The announcement is raised live, as it happens, on the show it concerns.
		String announced = "#" + FanActivity.LIVE_TAG.toLowerCase(java.util.Locale.ROOT);
		List<JsonNode> raised = List.of();
		while (Instant.now().isBefore(live.to().plus(Duration.ofMinutes(12)))) {
			raised = trends(live.show().slug(), since).stream()
				.filter(t -> !startedAt(t).isBefore(live.from().minus(Duration.ofMinutes(5))))
				.filter(t -> t.get("series").asString().startsWith("show:"))
				.toList();
			if (!raised.isEmpty()) {
				break;
			}
			Thread.sleep(2_000);
		}
		System.out.println("demo trends: the live announcement raised " + Duration.between(live.from(), Instant.now())
				+ " after it began: " + raised);
		assertThat(raised).as("a live trend of %s", live.show().slug()).isNotEmpty();
		JsonNode alerted = raised.get(0).path("alertedAt");
		assertThat(alerted.isNull() || alerted.isMissingNode()).as("alerted: %s", raised.get(0)).isFalse();
		assertThat(raised.stream().anyMatch(t -> hasTerm(t, announced))).isTrue();

		// The usual airings (every show's, the uproar's apart) raise no volume spike and no mood shift.
		for (SimShow show : DemoCast.SHOWS) {
			for (JsonNode trend : trends(show.slug(), since)) {
				boolean planted = show.equals(uproar.show()) && uproar.from().minus(Duration.ofMinutes(10))
					.isBefore(startedAt(trend)) && startedAt(trend).isBefore(uproar.to())
						|| show.equals(live.show()) && !startedAt(trend).isBefore(live.from().minus(Duration.ofMinutes(5)));
				if (!planted) {
					assertThat(trend.get("kind").asString()).as("%s: %s", show.slug(), trend).isEqualTo("TERMS");
				}
			}
		}
	}
}
