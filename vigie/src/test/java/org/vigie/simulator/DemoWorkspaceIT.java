package org.vigie.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo workspace as a person starting Vigie without credentials gets it (demo on, fan activity,
 * background polling; real clock): within two minutes of start, {@code GET /api/v1/items?network=…}
 * answers items for each of the eight networks (X, Facebook, Instagram, Mastodon, Bluesky, YouTube,
 * Reddit, RSS/Atom), read by the real connectors from the simulator over HTTP.
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

	@Test
	void servesItemsOfXMastodonBlueskyAndRssWithinTwoMinutesOfStart() throws Exception {
		long start = System.nanoTime();
		User admin = team.createFirstAdmin("demo-check@prod.example", "Démo", "une phrase de passe assez longue");
		String secret = tokens.create(admin.id(), admin.email(), "demo-check").secret();
		HttpClient http = HttpClient.newHttpClient();
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
}
