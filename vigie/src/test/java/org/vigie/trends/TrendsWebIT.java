package org.vigie.trends;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.vigie.listen.ListeningQueries;
import org.vigie.listen.ListeningQuery;
import org.vigie.shared.Ids;
import org.vigie.shared.UserId;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.Workspaces;

/**
 * {@code GET /api/v1/trends} (filters, and the same show permissions as the trends page) and the
 * trends page with the series of a show's queries, accounts and networks.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("it")
class TrendsWebIT {

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

	@Autowired
	ListeningQueries queries;

	private Trend trend(SeriesKey series, Show show, Instant at) {
		Trend t = new Trend(Ids.next().toString(), series, show == null ? null : show.id().toString(), TrendKind.VOLUME,
				false, at, at.plus(Duration.ofMinutes(20)), at.plus(Duration.ofMinutes(30)), 7.5, 90, 12, false,
				List.of("#finale"), List.of(new Trend.Sample(Ids.next().toString(), "fan", "<i>quelle finale</i>", at)),
				at);
		store.insert(t, workspaces.current().toString());
		return t;
	}

	private String user(Role role, Set<Show> visible) throws Exception {
		String email = email(role, visible);
		String body = mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"password\": \"a long enough password\", \"name\": \"it\"}"))
			.andReturn().getResponse().getContentAsString();
		return "Bearer " + body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	private MockHttpSession session(Role role, Set<Show> visible) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(email(role, visible)).password("a long enough password"))
			.andReturn().getRequest().getSession();
	}

	private String email(Role role, Set<Show> visible) {
		String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@vigie.test";
		var invitation = team.invite(ADMIN, email, "Someone", role,
				visible.stream().map(Show::id).collect(java.util.stream.Collectors.toSet()));
		team.acceptInvitation(invitation.secret(), "a long enough password");
		return email;
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

	@Test
	void thePageShowsTheTrendsOfTheShowsQueriesAccountsAndNetworks() throws Exception {
		Show show = shows.create(ADMIN, "Séries " + System.nanoTime());
		Instant now = Instant.now();
		ListeningQuery query = queries.ensure(show.id(), "Finale et arbitre", "finale arbitre", now.minus(Duration.ofDays(1)));
		String queryKey = new SeriesKey(SeriesKey.Kind.QUERY, query.id().toString()).toString();
		Trend ofQuery = trend(SeriesKey.parse(queryKey), show, now.minus(Duration.ofHours(2)));
		Trend ofShow = trend(new SeriesKey(SeriesKey.Kind.SHOW, show.id().toString()), show, now.minus(Duration.ofHours(3)));
		store.saveBucket(new TrendStore.Bucket("network:X", now.minus(Duration.ofHours(1)), 5, 5, 0, 0, null, null));
		Trend ofNetwork = trend(new SeriesKey(SeriesKey.Kind.NETWORK, "X"), null, now.minus(Duration.ofHours(1)));

		MockHttpSession admin = session(Role.ADMIN, Set.of());
		mvc.perform(get("/trends").param("show", show.slug()).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("trend-" + ofShow.id())))
			.andExpect(content().string(containsString("Finale et arbitre")))
			.andExpect(content().string(containsString("#trend-" + ofQuery.id())))
			.andExpect(content().string(containsString("#trend-" + ofNetwork.id())));
		mvc.perform(get("/trends").param("show", show.slug()).param("series", queryKey).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"trend-" + ofQuery.id() + "\"")))
			.andExpect(content().string(not(containsString("id=\"trend-" + ofShow.id() + "\""))));
		mvc.perform(get("/trends/timeline").param("show", show.slug()).param("series", "network:X").session(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[*].id", hasItem(ofNetwork.id())));

		// Network-wide series are for those who see every show.
		MockHttpSession analyst = session(Role.ANALYST, Set.of(show));
		mvc.perform(get("/trends").param("show", show.slug()).session(analyst))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("#trend-" + ofQuery.id())))
			.andExpect(content().string(not(containsString(ofNetwork.id()))));
		mvc.perform(get("/trends/timeline").param("show", show.slug()).param("series", "network:X").session(analyst))
			.andExpect(status().isNotFound());
	}
}
