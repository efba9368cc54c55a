package org.vigie.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;
import org.vigie.storage.TestDirs;
import org.vigie.workspace.Actor;
import org.vigie.workspace.ApiTokens;
import org.vigie.workspace.Role;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

/** The items API: filters, paging, thread, triage and replies, with the UI's permissions. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ActiveProfiles("it")
class InboxApiIT {

	static final Path DATA = TestDirs.create("inbox-api");

	static final Instant T0 = Instant.parse("2026-11-20T20:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InboxFixtures.FakeNetwork network;

	String admin;

	String cm;

	String analyst;

	String inShowA;

	String inShowB;

	String reply;

	String cmId;

	@TestConfiguration
	static class Fakes {

		@Bean
		@Primary
		InboxFixtures.FakeNetwork fakeNetwork() {
			return new InboxFixtures.FakeNetwork();
		}
	}

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("vigie.storage.data-dir", DATA::toString);
	}

	@BeforeAll
	void seed() {
		User root = team.createFirstAdmin("admin@example.org", "Admin", "correct horse battery");
		Actor actor = new Actor(root.id(), root.email(), root.role(), Set.of());
		var a = shows.create(actor, "Les Reines du Shopping");
		var b = shows.create(actor, "Pékin Express");
		var cmInvite = team.invite(actor, "cm@example.org", "Camille", Role.COMMUNITY_MANAGER, Set.of(a.id()));
		team.acceptInvitation(cmInvite.secret(), "cm password long");
		var anInvite = team.invite(actor, "analyst@example.org", "Ana", Role.ANALYST, Set.of(a.id()));
		team.acceptInvitation(anInvite.secret(), "analyst password");
		User cmUser = team.findByEmail("cm@example.org").orElseThrow();
		cmId = cmUser.id().toString();
		admin = tokens.create(root.id(), root.email(), "t").secret();
		cm = tokens.create(cmUser.id(), cmUser.email(), "t").secret();
		User an = team.findByEmail("analyst@example.org").orElseThrow();
		analyst = tokens.create(an.id(), an.email(), "t").secret();

		InboxFixtures f = new InboxFixtures(jdbc);
		String accA = f.account(a.id().toString(), Network.INSTAGRAM, "reinesdushopping");
		String accB = f.account(b.id().toString(), Network.X, "pekinexpress");
		String fan = f.author(Network.INSTAGRAM, "marie_l", "Marie L.", 1200);
		String conv = f.conversation(Network.INSTAGRAM, accA, a.id().toString());
		f.item(InboxFixtures.Seed.of(Network.INSTAGRAM, a.id().toString(), accA, null, "Notre post du jour", T0).kind("POST")
			.in(conv).external("p1", null).ours());
		inShowA = f.item(InboxFixtures.Seed.of(Network.INSTAGRAM, a.id().toString(), accA, fan,
				"J'ai adoré l'émission d'hier soir !", T0.plusSeconds(60)).in(conv).external("c1", "p1").lang("fr", "positive"));
		for (int i = 0; i < 5; i++) {
			f.item(InboxFixtures.Seed.of(Network.INSTAGRAM, a.id().toString(), accA, fan, "Commentaire " + i,
					T0.plusSeconds(120 + i)).lang(i % 2 == 0 ? "fr" : "en", i % 2 == 0 ? "negative" : "neutral"));
		}
		inShowB = f.item(InboxFixtures.Seed.of(Network.X, b.id().toString(), accB, null, "@pekinexpress quelle étape !",
				T0.plusSeconds(300)).kind("MENTION"));
	}

	@Test
	void listsItemsNewestFirstWithTheirFields() throws Exception {
		mvc.perform(get("/api/v1/items").header("Authorization", "Bearer " + admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(8))
			.andExpect(jsonPath("$.items[0].network").value("x"))
			.andExpect(jsonPath("$.items[0].kind").value("mention"))
			.andExpect(jsonPath("$.items[7].kind").value("post"))
			.andExpect(jsonPath("$.items[6].externalId").value("c1"))
			.andExpect(jsonPath("$.items[6].author.displayName").value("Marie L."))
			.andExpect(jsonPath("$.items[6].parentExternalId").value("p1"))
			.andExpect(jsonPath("$.items[6].parentId").exists())
			.andExpect(jsonPath("$.items[6].conversationId").exists())
			.andExpect(jsonPath("$.items[6].createdAt").value("2026-11-20T20:01:00Z"));
	}

	@Test
	void filtersCombineAndPagesFollowTheCursor() throws Exception {
		mvc.perform(get("/api/v1/items?network=instagram&kind=comment&lang=fr&sentiment=negative")
			.header("Authorization", "Bearer " + admin))
			.andExpect(jsonPath("$.items.length()").value(3));
		mvc.perform(get("/api/v1/items?network=x,instagram&since=2026-11-20T20:02:03Z").header("Authorization", "Bearer " + admin))
			.andExpect(jsonPath("$.items.length()").value(3));
		String first = mvc.perform(get("/api/v1/items?limit=3").header("Authorization", "Bearer " + admin))
			.andExpect(jsonPath("$.items.length()").value(3))
			.andReturn().getResponse().getContentAsString();
		String cursor = first.replaceAll(".*\"nextCursor\":\"([^\"]+)\".*", "$1");
		mvc.perform(get("/api/v1/items?limit=3&cursor=" + cursor).header("Authorization", "Bearer " + admin))
			.andExpect(jsonPath("$.items.length()").value(3))
			.andExpect(jsonPath("$.items[0].text").value("Commentaire 2"));
		mvc.perform(get("/api/v1/items?network=myspace").header("Authorization", "Bearer " + admin))
			.andExpect(status().isBadRequest());
	}

	@Test
	void searchesFreeText() throws Exception {
		mvc.perform(get("/api/v1/items?q=adoré").header("Authorization", "Bearer " + admin))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].externalId").value("c1"));
	}

	@Test
	void showsOnlyTheShowsTheCallerMaySee() throws Exception {
		mvc.perform(get("/api/v1/items").header("Authorization", "Bearer " + cm))
			.andExpect(jsonPath("$.items.length()").value(7));
		mvc.perform(get("/api/v1/items/" + inShowB).header("Authorization", "Bearer " + cm)).andExpect(status().isNotFound());
		mvc.perform(patch("/api/v1/items/" + inShowB).header("Authorization", "Bearer " + cm)
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"done\"}")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/items/" + inShowA).header("Authorization", "Bearer " + cm))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.item.externalId").value("c1"))
			.andExpect(jsonPath("$.thread.length()").value(2))
			.andExpect(jsonPath("$.thread[0].kind").value("post"))
			.andExpect(jsonPath("$.thread[0].fromUs").value(true));
	}

	@Test
	void analystsReadButChangeNothing() throws Exception {
		mvc.perform(get("/api/v1/items/" + inShowA).header("Authorization", "Bearer " + analyst)).andExpect(status().isOk());
		mvc.perform(patch("/api/v1/items/" + inShowA).header("Authorization", "Bearer " + analyst)
			.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"done\"}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/items/" + inShowA + "/reply").header("Authorization", "Bearer " + analyst)
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"merci\"}")).andExpect(status().isForbidden());
	}

	@Test
	void analystsSaveTheirOwnViewsAndShowPresenceInTheBrowserButTouchNoItem() throws Exception {
		var ana = users.loadUserByUsername("analyst@example.org");
		int sent = network.all().size();
		String status = jdbc.sql("SELECT status FROM items WHERE id = ?").param(inShowA).query(String.class).single();
		mvc.perform(post("/inbox/views").with(user(ana)).with(csrf()).param("name", "Négatifs").param("sentiment", "negative"))
			.andExpect(status().is3xxRedirection());
		String view = jdbc.sql("SELECT id FROM inbox_saved_views WHERE name = 'Négatifs'").query(String.class).single();
		mvc.perform(post("/inbox/presence").with(user(ana)).with(csrf()).param("tab", "01900000-0000-7000-8000-00000000000a")
			.param("item", inShowA).param("state", "replying")).andExpect(status().isNoContent());
		mvc.perform(post("/inbox/views/" + view + "/delete").with(user(ana)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM inbox_saved_views").query(Long.class).single()).isZero();
		for (String change : List.of("/status?status=done", "/snooze?until=2030-01-01T10:00", "/assign?assignee=me",
				"/tags?tag=sav", "/tags/remove?tag=sav", "/notes?text=non", "/author-notes?text=non", "/reply?text=non",
				"/like", "/hide", "/delete")) {
			mvc.perform(post("/inbox/items/" + inShowA + change).with(user(ana)).with(csrf())).andExpect(status().isForbidden());
		}
		mvc.perform(post("/inbox/bulk").with(user(ana)).with(csrf()).param("ids", inShowA).param("action", "done"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/inbox/saved-replies").with(user(ana)).with(csrf()).param("name", "x").param("lang", "fr")
			.param("body", "x")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT status FROM items WHERE id = ?").param(inShowA).query(String.class).single()).isEqualTo(status);
		assertThat(network.all()).hasSize(sent);
	}

	@Autowired
	UserDetailsService users;

	@Test
	void triagesThroughPatch() throws Exception {
		String id = jdbc.sql("SELECT id FROM items WHERE text = 'Commentaire 4'").query(String.class).single();
		mvc.perform(patch("/api/v1/items/" + id).header("Authorization", "Bearer " + cm).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"done\",\"assignee\":\"" + cmId + "\",\"tags\":[\"SAV\",\"#urgent\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("done"))
			.andExpect(jsonPath("$.assignee").value(cmId))
			.andExpect(jsonPath("$.tags.length()").value(2));
		mvc.perform(get("/api/v1/items?status=done&tag=sav").header("Authorization", "Bearer " + cm))
			.andExpect(jsonPath("$.items.length()").value(1));
		mvc.perform(get("/api/v1/items?assignee=me").header("Authorization", "Bearer " + cm))
			.andExpect(jsonPath("$.items.length()").value(1));
		mvc.perform(patch("/api/v1/items/" + id).header("Authorization", "Bearer " + cm).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"snoozed\",\"snoozedUntil\":\"2020-01-01T00:00:00Z\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(patch("/api/v1/items/" + id).header("Authorization", "Bearer " + cm).contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"open\",\"assignee\":null,\"tags\":[]}"))
			.andExpect(jsonPath("$.status").value("open"))
			.andExpect(jsonPath("$.tags.length()").value(0));
	}

	@Test
	void repliesThroughTheConnectorAndRetriesAFailure() throws Exception {
		network.failNextReply("Le commentaire a été supprimé par son auteur.");
		String body = mvc.perform(post("/api/v1/items/" + inShowA + "/reply").header("Authorization", "Bearer " + cm)
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Merci Marie !\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.state").value("sending"))
			.andReturn().getResponse().getContentAsString();
		String replyId = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		String failed = awaitState(replyId, "failed");
		assertThat(failed).contains("supprimé par son auteur");
		mvc.perform(post("/api/v1/replies/" + replyId + "/retry").header("Authorization", "Bearer " + cm))
			.andExpect(status().isAccepted());
		awaitState(replyId, "sent");
		assertThat(network.replies).contains("c1: Merci Marie !");
		mvc.perform(get("/api/v1/items/" + inShowA).header("Authorization", "Bearer " + cm))
			// This reply, whichever other test replied to the same item before.
			.andExpect(jsonPath("$.replies[?(@.id == '%s')].state", replyId).value("sent"))
			.andExpect(jsonPath("$.replies[?(@.id == '%s')].attempts", replyId).value(2));
	}

	@Test
	void aFailedReplysReasonIsInTheCallersLanguageWithItsKey() throws Exception {
		network.failNextReply(Reason.of("connectors.failure.rejected.detail", "X", "403", "You can't reply to this post."));
		String body = mvc.perform(post("/api/v1/items/" + inShowA + "/reply").header("Authorization", "Bearer " + cm)
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Merci !\"}"))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString();
		String replyId = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		awaitState(replyId, "failed");

		mvc.perform(get("/api/v1/replies/" + replyId).header("Authorization", "Bearer " + cm))
			.andExpect(jsonPath("$.reason").value("X refused the request (HTTP 403: You can't reply to this post.)"))
			.andExpect(jsonPath("$.reasonCode").value("connectors.failure.rejected.detail"));
		mvc.perform(get("/api/v1/replies/" + replyId).header("Authorization", "Bearer " + cm).header("Accept-Language", "fr"))
			.andExpect(jsonPath("$.reason").value("X a refusé la requête (HTTP 403 : You can't reply to this post.)"));
	}

	@Test
	void describesTheItemsApiInOpenApi() throws Exception {
		mvc.perform(get("/api/docs"))
			.andExpect(jsonPath("$.paths['/api/v1/items'].get.parameters[?(@.name == 'network')]").exists())
			.andExpect(jsonPath("$.paths['/api/v1/items/{id}'].patch").exists())
			.andExpect(jsonPath("$.paths['/api/v1/items/{id}/reply'].post").exists());
	}

	private String awaitState(String replyId, String state) throws Exception {
		// Delivery runs on its own thread: a loaded machine may take its time.
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		String last = "";
		while (Instant.now().isBefore(deadline)) {
			last = mvc.perform(get("/api/v1/replies/" + replyId).header("Authorization", "Bearer " + cm))
				.andReturn().getResponse().getContentAsString();
			if (last.contains("\"state\":\"" + state + "\"")) {
				return last;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("Reply never reached " + state + ": " + last);
	}
}
