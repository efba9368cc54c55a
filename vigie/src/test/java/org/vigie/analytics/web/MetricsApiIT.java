package org.vigie.analytics.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.NewAccount;
import org.vigie.accounts.SocialAccount;
import org.vigie.analytics.MetricSamples;
import org.vigie.connectors.MetricValue;
import org.vigie.shared.Network;
import org.vigie.storage.TestDirs;
import org.vigie.workspace.Actor;
import org.vigie.workspace.ApiTokens;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/metrics} with the UI's permissions: an admin reads the metrics of every show,
 * a community manager or an analyst only those read through the accounts of their shows; another
 * show's object, or one read through an account attached to no show, is 404 for them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Accounts accounts;

	@Autowired
	MetricSamples samples;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("vigie.storage.data-dir", () -> TestDirs.create("metrics-api").toString());
	}

	String admin;

	String cm;

	String analyst;

	@BeforeAll
	void seed() {
		User root = team.createFirstAdmin("admin-metrics@example.org", "Admin", "correct horse battery");
		Actor actor = new Actor(root.id(), root.email(), root.role(), Set.of());
		Show a = shows.create(actor, "Rivages");
		Show b = shows.create(actor, "Le Grand Quiz");
		team.acceptInvitation(team.invite(actor, "cm-metrics@example.org", "Camille", Role.COMMUNITY_MANAGER,
				Set.of(a.id())).secret(), "cm password long");
		team.acceptInvitation(team.invite(actor, "analyst-metrics@example.org", "Ana", Role.ANALYST, Set.of(a.id()))
			.secret(), "analyst password");
		admin = tokens.create(root.id(), root.email(), "t").secret();
		User c = team.findByEmail("cm-metrics@example.org").orElseThrow();
		cm = tokens.create(c.id(), c.email(), "t").secret();
		User an = team.findByEmail("analyst-metrics@example.org").orElseThrow();
		analyst = tokens.create(an.id(), an.email(), "t").secret();

		SocialAccount pageA = connect(a, "rivages", "101");
		SocialAccount pageB = connect(b, "grandquiz", "202");
		SocialAccount loose = connect(null, "orpheline", "303");
		Instant now = Instant.parse("2026-11-20T20:00:00Z");
		samples.record(pageA.id(), Network.FACEBOOK, "101", List.of(new MetricValue("page_follows", 1200L, null),
				MetricValue.unavailable("page_fans", "retired")), now);
		samples.record(pageB.id(), Network.FACEBOOK, "202", List.of(new MetricValue("page_follows", 900L, null)), now);
		samples.record(loose.id(), Network.FACEBOOK, "303", List.of(new MetricValue("page_follows", 7L, null)), now);
	}

	private SocialAccount connect(Show show, String handle, String pageId) {
		return accounts.connect(new NewAccount(show == null ? null : show.id(), Network.FACEBOOK, handle, pageId, handle,
				"http://127.0.0.1:1/sim/facebook", Map.of("page_token", "t"), null));
	}

	@Test
	void anAdminReadsTheMetricsOfEveryShow() throws Exception {
		for (String object : List.of("101", "202", "303")) {
			mvc.perform(get("/api/v1/metrics?network=facebook&object=" + object).header("Authorization", "Bearer " + admin))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.metric == 'page_follows')]").exists());
		}
	}

	@Test
	void aCommunityManagerOrAnAnalystReadsOnlyTheirShows() throws Exception {
		for (String token : List.of(cm, analyst)) {
			mvc.perform(get("/api/v1/metrics?network=facebook&object=101").header("Authorization", "Bearer " + token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[?(@.metric == 'page_fans')].available").value(false));
			mvc.perform(get("/api/v1/metrics?network=facebook&object=202").header("Authorization", "Bearer " + token))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/metrics?network=facebook&object=303").header("Authorization", "Bearer " + token))
				.andExpect(status().isNotFound());
		}
	}

	@Test
	void withoutATokenTheApiRefuses() throws Exception {
		mvc.perform(get("/api/v1/metrics?network=facebook&object=101")).andExpect(status().isUnauthorized());
	}
}
