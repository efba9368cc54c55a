package org.vigie.trends;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.vigie.shared.Ids;
import org.vigie.shared.UserId;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.Workspaces;

/** {@code GET /api/v1/trends}: filters, and the same show permissions as the trends page. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("it")
class TrendsApiIT {

	private static final Actor ADMIN = new Actor(UserId.generate(), "admin@vigie.test", Role.ADMIN, Set.of());

	@Autowired
	MockMvc mvc;

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@Autowired
	Workspaces workspaces;

	@Autowired
	TrendStore store;

	private Trend trend(SeriesKey series, Show show, Instant at) {
		Trend t = new Trend(Ids.next().toString(), series, show == null ? null : show.id().toString(), TrendKind.VOLUME,
				false, at, at.plus(Duration.ofMinutes(20)), at.plus(Duration.ofMinutes(30)), 7.5, 90, 12, false,
				List.of("#finale"), List.of(new Trend.Sample(Ids.next().toString(), "fan", "<i>quelle finale</i>", at)),
				at);
		store.insert(t, workspaces.current().toString());
		return t;
	}

	private String user(Role role, Set<Show> visible) throws Exception {
		String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@vigie.test";
		var invitation = team.invite(ADMIN, email, "Someone", role,
				visible.stream().map(Show::id).collect(java.util.stream.Collectors.toSet()));
		team.acceptInvitation(invitation.secret(), "a long enough password");
		String body = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"password\": \"a long enough password\", \"name\": \"it\"}"))
			.andReturn().getResponse().getContentAsString();
		return "Bearer " + body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	@Test
	void listsTheTrendsOfTheShowsTheCallerSeesFilteredByShowAndSince() throws Exception {
		Show mine = shows.create(ADMIN, "Finale " + System.nanoTime());
		Show other = shows.create(ADMIN, "Autre " + System.nanoTime());
		Instant now = Instant.now();
		Trend recent = trend(new SeriesKey(SeriesKey.Kind.SHOW, mine.id().toString()), mine, now.minus(Duration.ofHours(2)));
		Trend old = trend(new SeriesKey(SeriesKey.Kind.SHOW, mine.id().toString()), mine, now.minus(Duration.ofDays(20)));
		Trend query = trend(new SeriesKey(SeriesKey.Kind.QUERY, Ids.next().toString()), mine, now.minus(Duration.ofHours(1)));
		Trend hidden = trend(new SeriesKey(SeriesKey.Kind.SHOW, other.id().toString()), other, now.minus(Duration.ofHours(3)));
		Trend network = trend(new SeriesKey(SeriesKey.Kind.NETWORK, "X"), null, now.minus(Duration.ofHours(4)));
		String analyst = user(Role.ANALYST, Set.of(mine));

		mvc.perform(get("/api/v1/trends").header("Authorization", analyst))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(recent.id())))
			.andExpect(jsonPath("$[*].id", hasItem(query.id())))
			.andExpect(jsonPath("$[*].id", not(hasItem(old.id()))))
			.andExpect(jsonPath("$[*].id", not(hasItem(hidden.id()))))
			.andExpect(jsonPath("$[*].id", not(hasItem(network.id()))))
			.andExpect(jsonPath("$[?(@.id == '" + recent.id() + "')].terms[0]").value("#finale"))
			.andExpect(jsonPath("$[?(@.id == '" + recent.id() + "')].samples[0].text").value("<i>quelle finale</i>"))
			.andExpect(jsonPath("$[?(@.id == '" + query.id() + "')].series").value(query.series().toString()));
		mvc.perform(get("/api/v1/trends").param("show", mine.slug()).param("since", now.minus(Duration.ofDays(30)).toString())
			.header("Authorization", analyst))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(old.id())))
			.andExpect(jsonPath("$[*].id", hasItem(recent.id())));
		mvc.perform(get("/api/v1/trends").param("show", other.slug()).header("Authorization", analyst))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/trends")).andExpect(status().isUnauthorized());

		String admin = user(Role.ADMIN, Set.of());
		mvc.perform(get("/api/v1/trends").header("Authorization", admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(hidden.id())))
			.andExpect(jsonPath("$[*].id", hasItem(network.id())));
	}

	@Test
	void isDescribedInTheOpenApiDocument() throws Exception {
		mvc.perform(get("/api/docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/trends'].get.parameters[*].name", hasItem("since")))
			.andExpect(jsonPath("$.paths['/api/v1/trends'].get.parameters[*].name", hasItem("show")))
			.andExpect(jsonPath("$.paths['/api/v1/trends'].get.tags[0]").value("Trends"));
	}
}
