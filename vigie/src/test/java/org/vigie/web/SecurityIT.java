package org.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.vigie.storage.TestDirs;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Role;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;
import org.vigie.workspace.VigiePrincipal;

/** The access rules of issue 2's acceptance, through the real filter chains. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityIT {

	static final Path DATA = TestDirs.create("security");

	@Autowired
	MockMvc mvc;

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("vigie.storage.data-dir", DATA::toString);
	}

	@BeforeEach
	void people() {
		if (team.isEmpty()) {
			User admin = team.createFirstAdmin("admin@example.org", "Admin", "correct horse battery");
			Actor actor = new Actor(admin.id(), admin.email(), admin.role(), Set.of());
			var show = shows.create(actor, "Les Reines du Shopping");
			var invitation = team.invite(actor, "analyst@example.org", "Ana", Role.ANALYST, Set.of(show.id()));
			team.acceptInvitation(invitation.secret(), "analyst password");
			var locked = team.invite(actor, "locked@example.org", "Lou", Role.COMMUNITY_MANAGER, Set.of());
			team.acceptInvitation(locked.secret(), "the right password");
		}
	}

	@Test
	void sendsAnonymousVisitorsToLogin() throws Exception {
		for (String page : new String[] { "/", "/settings", "/settings/users", "/anything" }) {
			mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		}
		mvc.perform(get("/login")).andExpect(status().isOk());
		mvc.perform(get("/css/vigie.css")).andExpect(status().isOk());
	}

	@Test
	void asksHtmxToReloadTheLoginPageWhenTheSessionIsGone() throws Exception {
		mvc.perform(get("/settings").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
	}

	@Test
	void answers401ToTheApiWithoutAValidToken() throws Exception {
		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer vg_not-a-token")).andExpect(status().isUnauthorized());
	}

	@Test
	void exchangesCredentialsForATokenThatActsAsItsOwner() throws Exception {
		String token = token("analyst@example.org", "analyst password");
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("analyst@example.org"))
			.andExpect(jsonPath("$.role").value("analyst"))
			.andExpect(jsonPath("$.shows[0].name").value("Les Reines du Shopping"));
		mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"analyst@example.org\",\"password\":\"wrong\"}")).andExpect(status().isUnauthorized());
	}

	@Test
	void refusesEveryChangeToAnAnalyst() throws Exception {
		String token = token("analyst@example.org", "analyst password");
		mvc.perform(post("/api/v1/shows").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Nope\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/settings/shows").with(user(analyst())).with(csrf()).param("name", "Nope"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/settings/users").with(user(analyst()))).andExpect(status().isForbidden());
	}

	@Test
	void refusesAFormPostedWithoutItsCsrfToken() throws Exception {
		mvc.perform(post("/settings/shows").with(user(admin())).param("name", "Sans jeton"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/settings/shows").with(user(admin())).with(csrf()).param("name", "Avec jeton"))
			.andExpect(status().isFound());
		assertThat(shows.all()).extracting(s -> s.name()).contains("Avec jeton").doesNotContain("Sans jeton");
	}

	@Test
	void locksAnAccountAfterRepeatedFailedLogins() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").with(csrf()).param("username", "locked@example.org").param("password", "guess " + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(post("/login").with(csrf()).param("username", "locked@example.org").param("password", "the right password"))
			.andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void signsInWithTheRightPassword() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", "admin@example.org").param("password", "correct horse battery"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void appliesARoleChangeOnTheNextRequest() throws Exception {
		var session = new MockHttpSession();
		User admin = team.findByEmail("admin@example.org").orElseThrow();
		var invitation = team.invite(new Actor(admin.id(), admin.email(), admin.role(), Set.of()), "demoted@example.org",
				"Dee", Role.MANAGER, Set.of());
		User dee = team.acceptInvitation(invitation.secret(), "demoted password");
		mvc.perform(post("/login").session(session).with(csrf()).param("username", "demoted@example.org")
			.param("password", "demoted password")).andExpect(redirectedUrl("/"));
		mvc.perform(post("/settings/shows").session(session).with(csrf()).param("name", "Avant"))
			.andExpect(status().isFound());
		team.changeRole(new Actor(admin.id(), admin.email(), admin.role(), Set.of()), dee.id(), Role.ANALYST);
		mvc.perform(post("/settings/shows").session(session).with(csrf()).param("name", "Après"))
			.andExpect(status().isForbidden());
	}

	@Test
	void reportsHealthAndMetrics() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
	}

	@Test
	void answersAMissingPageWithTheErrorPageAndAMissingApiWithProblemJson() throws Exception {
		mvc.perform(get("/no-such-page").with(user(admin())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(Matchers.containsString("Cette page n'existe pas.")));
		String token = token("admin@example.org", "correct horse battery");
		mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void describesTheApi() throws Exception {
		mvc.perform(get("/api/docs")).andExpect(status().isOk()).andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/v1/tokens']").exists());
	}

	@Test
	void theApiSaysWhatIsWrongInWordsWithTheMessageCodeBeside() throws Exception {
		String token = "Bearer " + token("admin@example.org", "correct horse battery");

		mvc.perform(post("/api/v1/queries/validate").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"finale"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(startsWith("The request body cannot be read")))
			.andExpect(jsonPath("$.code").value("error.unreadable-body"));
		mvc.perform(get("/api/v1/items/0190f1b2-0000-7000-8000-000000000000").header("Authorization", token))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("This item does not exist or you have no access to it."))
			.andExpect(jsonPath("$.code").value("inbox.item-unknown"));
		mvc.perform(get("/api/v1/items/0190f1b2-0000-7000-8000-000000000000").header("Authorization", token)
			.header("Accept-Language", "fr-FR"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("n'existe pas")));
		mvc.perform(put("/api/v1/items")
			.header("Authorization", token))
			.andExpect(status().isMethodNotAllowed());
	}

	private String token(String email, String password) throws Exception {
		MvcResult result = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		String body = result.getResponse().getContentAsString();
		return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	private VigiePrincipal analyst() {
		return principal("analyst@example.org");
	}

	private VigiePrincipal admin() {
		return principal("admin@example.org");
	}

	@Autowired
	UserDetailsService users;

	private VigiePrincipal principal(String email) {
		return (VigiePrincipal) users.loadUserByUsername(email);
	}
}
