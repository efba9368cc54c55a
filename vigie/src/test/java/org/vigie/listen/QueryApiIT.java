package org.vigie.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.vigie.archive.Archive;
import org.vigie.archive.ArchiveScope;
import org.vigie.archive.SearchQuery;
import org.vigie.ingest.Annotations;
import org.vigie.ingest.Author;
import org.vigie.ingest.IncomingItem;
import org.vigie.ingest.ItemStage;
import org.vigie.ingest.ItemsIngested;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.storage.TestDirs;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;
import org.vigie.workspace.Workspaces;

/** The listening API, the matching stage and the archive, in the running application. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("it")
class QueryApiIT {

	static final Path DATA = TestDirs.create("listen");

	@Autowired
	MockMvc mvc;

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@Autowired
	Workspaces workspaces;

	@Autowired
	List<ItemStage> stages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Archive archive;

	static Show show;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("vigie.storage.data-dir", DATA::toString);
	}

	@BeforeEach
	void people() {
		if (team.isEmpty()) {
			User admin = team.createFirstAdmin("admin@example.org", "Admin", "correct horse battery");
			Actor actor = new Actor(admin.id(), admin.email(), admin.role(), Set.of());
			show = shows.create(actor, "Quotidien");
			var invitation = team.invite(actor, "analyst@example.org", "Ana", Role.ANALYST, Set.of(show.id()));
			team.acceptInvitation(invitation.secret(), "analyst password");
		}
	}

	@Test
	void validatesWithPositionAndMessage() throws Exception {
		String token = token("analyst@example.org", "analyst password");
		mvc.perform(post("/api/v1/queries/validate").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"(quotidien OR tmc\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.position").value(17))
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("expected ')'")));
		mvc.perform(post("/api/v1/queries/validate").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"query\": \"quotidien show:quotidien\"}"))
			.andExpect(status().isOk());
	}

	@Test
	void testsATextAsAnIngestedItem() throws Exception {
		String token = token("analyst@example.org", "analyst password");
		mvc.perform(post("/api/v1/queries/test").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"émission NEAR/3 barthes network:bluesky\", \"text\": \"L'EMISSION de Yann Barthes\", \"network\": \"bluesky\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.matches").value(true));
		mvc.perform(post("/api/v1/queries/test").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"émission network:bluesky\", \"text\": \"L'émission\", \"network\": \"x\"}"))
			.andExpect(jsonPath("$.matches").value(false));
	}

	@Test
	void analystsMayNotChangeQueries() throws Exception {
		String token = token("analyst@example.org", "analyst password");
		mvc.perform(post("/api/v1/queries").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"show\": \"" + show.id() + "\", \"name\": \"q\", \"query\": \"quotidien\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void matchesIngestedItemsAndStoresTheMatches() throws Exception {
		String token = token("admin@example.org", "correct horse battery");
		MvcResult created = mvc.perform(post("/api/v1/queries").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"show\": \"" + show.id() + "\", \"name\": \"Barthes\", \"query\": \"barthes -replay\", "
					+ "\"appliesFrom\": \"2020-01-01T00:00:00Z\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		String id = created.getResponse().getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		mvc.perform(post("/api/v1/queries").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"show\": \"" + show.id() + "\", \"name\": \"bad\", \"query\": \"barthes AND\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.position").value(11));

		IncomingItem hit = through(stages, item("Yann Barthes ce soir !"));
		IncomingItem miss = through(stages, item("Barthes en replay"));
		assertThat(hit.annotations().matchedQueries()).containsExactly(id);
		assertThat(miss.annotations().matchedQueries()).isEmpty();
		assertThat(hit.show()).isEqualTo(show.id());
		store(hit);
		store(miss);
		events.publishEvent(new ItemsIngested(List.of(hit, miss)));

		mvc.perform(get("/api/v1/queries/" + id + "/matches").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.matches[0].item").value(hit.id().toString()));
		assertThat(archive.count(SearchQuery.parse("barthes"), ArchiveScope.ALL)).isEqualTo(2);
		mvc.perform(get("/api/v1/queries/" + id + "/searches").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$[0].network").value("x"))
			.andExpect(jsonPath("$[0].searches[0]").value("barthes -replay"));
		mvc.perform(get("/api/v1/queries/" + id + "/stats?days=36500").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(delete("/api/v1/queries/" + id).header("Authorization", "Bearer " + token))
			.andExpect(status().isNoContent());
	}

	@Test
	void previewsAQueryWhileItIsTypedAndShowsTheListeningPage() throws Exception {
		var session = (org.springframework.mock.web.MockHttpSession) mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
				.user("admin@example.org").password("correct horse battery"))
			.andReturn().getRequest().getSession();
		IncomingItem item = through(stages, new IncomingItem(ItemId.generate(), Network.X, "x-preview-1", ItemKind.MENTION,
				workspaces.current(), show.id(), null, new Author(Network.X, "42", "fan42", "Fan 42", null, false, null, null),
				"Vivement l'émission de ce soir #Quotidien", null, Instant.now().minusSeconds(3600), null, null, false, false,
				null, Annotations.NONE));
		store(item);
		events.publishEvent(new ItemsIngested(List.of(item)));
		mvc.perform(get("/listening/preview").param("query", "emission #quotidien").header("HX-Request", "true").session(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("id=\"preview-30\">1<")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Vivement l'émission")));
		mvc.perform(get("/listening/preview").param("query", "(emission").header("HX-Request", "true").session(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("preview-error")));
		mvc.perform(get("/listening").session(session))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("query-help")));
	}

	IncomingItem item(String text) {
		return new IncomingItem(ItemId.generate(), Network.BLUESKY, "at://" + ItemId.generate(), ItemKind.LISTENING_HIT,
				workspaces.current(), null, null, new Author(Network.BLUESKY, "did:plc:fan", "fan.bsky.social", "Fan", null,
						false, null, null),
				text, null, Instant.parse("2026-11-20T20:00:00Z"), null, null, false, false, null, Annotations.NONE);
	}

	static IncomingItem through(List<ItemStage> stages, IncomingItem item) {
		for (ItemStage s : stages.stream().sorted(java.util.Comparator.comparingInt(ItemStage::order)).toList()) {
			item = s.apply(item);
		}
		return item;
	}

	void store(IncomingItem item) {
		jdbc.sql("""
				INSERT INTO items (id, network, external_id, kind, workspace_id, show_id, text, created_at, ingested_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(item.id().toString(), item.network().id(), item.externalId(), item.kind().name(),
					item.workspace().toString(), item.show() == null ? null : item.show().toString(), item.text(),
					item.createdAt().toEpochMilli(), item.createdAt().toEpochMilli())
			.update();
	}

	private String token(String email, String password) throws Exception {
		MvcResult result = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"password\": \"" + password + "\", \"name\": \"it\"}"))
			.andReturn();
		return result.getResponse().getContentAsString().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}
}
