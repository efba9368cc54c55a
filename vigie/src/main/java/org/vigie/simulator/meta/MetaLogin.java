package org.vigie.simulator.meta;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.vigie.shared.Network;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimRequest;
import org.vigie.simulator.SimResponse;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;

/**
 * Facebook Login on the simulator ({@code api-reference/facebook}, "Auth"): the
 * {@code /dialog/oauth} page where a person picks the Pages they grant, the code exchanged at
 * {@code /oauth/access_token} for a short-lived user token (2 h), its exchange
 * ({@code grant_type=fb_exchange_token}) for a long-lived one (60 days), {@code /me},
 * {@code /me/accounts} with each Page's token (no expiry) and linked
 * {@code instagram_business_account}, and {@code /debug_token}. The Pages offered are the verified
 * Facebook users of the world; a Page's Instagram business account is the Instagram user with the
 * same handle. The app is {@link #DEMO_APP_ID} / {@link #DEMO_APP_SECRET}.
 */
@Component
class MetaLogin {

	static final String DEMO_APP_ID = "vigie-demo";

	static final String DEMO_APP_SECRET = "vigie-demo-secret";

	static final Duration SHORT_LIVED = Duration.ofHours(2);

	static final Duration LONG_LIVED = Duration.ofDays(60);

	private static final Network FB = Network.FACEBOOK;

	private static final AtomicLong PEOPLE = new AtomicLong(10_000_000_000_000L);

	/** A person who went through the dialog, and the Pages they granted. */
	private record Person(String id, String name, List<String> pages) {
	}

	private final Simulator sim;

	private final Map<String, Person> people = new ConcurrentHashMap<>();

	MetaLogin(Simulator sim) {
		this.sim = sim;
	}

	/** Answers a Facebook Login request, or any request made with a person's (user) token; empty otherwise. */
	Optional<SimResponse> handle(SimRequest r) {
		String path = r.path().startsWith(Graph.VERSION + "/") ? r.path().substring(Graph.VERSION.length()) : r.path();
		if (path.equals("/dialog/oauth")) {
			return Optional.of(r.method().equals("POST") ? approve(r) : dialog(r));
		}
		if (path.equals("/oauth/access_token") && r.method().equals("GET")) {
			return Optional.of(accessToken(r));
		}
		if (path.equals("/debug_token") && r.method().equals("GET")) {
			return Optional.of(debugToken(r));
		}
		Optional<Person> person = sim.auth().userOf(FB, Graph.token(r), r.now()).map(people::get);
		if (person.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(switch (r.method() + " " + path) {
			case "GET /me" -> ok(Graph.JSON.createObjectNode().put("id", person.get().id()).put("name", person.get().name()));
			case "GET /me/accounts" -> accounts(r, person.get());
			default -> Graph.error(400, 100, "(#100) Unsupported request with a user access token: " + path, false);
		});
	}

	/** The Instagram business account linked to a Page: the Instagram user with the Page's handle. */
	Optional<SimUser> instagramOf(String pageId) {
		return sim.world().user(FB, pageId).flatMap(p -> sim.world().userByHandle(Network.INSTAGRAM, p.handle()));
	}

	private SimResponse dialog(SimRequest r) {
		if (!DEMO_APP_ID.equals(r.param("client_id").orElse(""))) {
			return Graph.error(400, 101, "Error validating application. Invalid application ID.", false);
		}
		StringBuilder pages = new StringBuilder();
		for (SimUser page : sim.world().users(FB)) {
			if (!page.verified()) {
				continue;
			}
			String ig = instagramOf(page.id()).map(u -> " (Instagram @" + u.handle() + ")").orElse("");
			pages.append("<li><label><input type=\"checkbox\" name=\"page\" checked id=\"page-")
				.append(HtmlUtils.htmlEscape(page.id())).append("\" value=\"").append(HtmlUtils.htmlEscape(page.id()))
				.append("\"> ").append(HtmlUtils.htmlEscape(page.name())).append(HtmlUtils.htmlEscape(ig))
				.append("</label></li>");
		}
		StringBuilder hidden = new StringBuilder();
		for (String name : List.of("client_id", "redirect_uri", "state", "scope", "response_type")) {
			hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
				.append(HtmlUtils.htmlEscape(r.param(name).orElse(""))).append("\">");
		}
		return SimResponse.html("""
				<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Facebook (simulateur) — Se connecter avec Facebook</title></head>
				<body><main><h1>Facebook (simulateur)</h1>
				<p>L'application <strong>%s</strong> demande : %s</p>
				<form method="post" action="oauth">%s
				<label for="name">Vous êtes</label> <input id="name" name="name" value="Claire Gestionnaire">
				<p>Choisissez les Pages auxquelles l'application pourra accéder :</p><ul>%s</ul>
				<button type="submit" id="authorize" name="decision" value="allow">Continuer</button>
				<button type="submit" id="deny" name="decision" value="deny">Annuler</button>
				</form></main></body></html>""".formatted(HtmlUtils.htmlEscape(r.param("client_id").orElse("?")),
				HtmlUtils.htmlEscape(r.param("scope").orElse("")), hidden, pages));
	}

	private SimResponse approve(SimRequest r) {
		String redirect = r.formField("redirect_uri");
		String state = r.formField("state");
		String sep = redirect.contains("?") ? "&" : "?";
		if (!"allow".equals(r.formField("decision"))) {
			return SimResponse.redirect(redirect + sep + "error=access_denied&error_code=200"
					+ "&error_description=Permissions+error&error_reason=user_denied&state=" + enc(state) + "#_=_");
		}
		List<String> granted = r.form().getOrDefault("page", List.of());
		String name = r.formField("name").isBlank() ? "Claire Gestionnaire" : r.formField("name");
		Person person = new Person(Long.toString(PEOPLE.incrementAndGet()), name, List.copyOf(granted));
		people.put(person.id(), person);
		String code = sim.auth().authorize(FB, person.id(), r.formField("client_id"), redirect, "", r.formField("scope"),
				r.now());
		return SimResponse.redirect(redirect + sep + "code=" + enc(code) + "&state=" + enc(state) + "#_=_");
	}

	/** Code → short-lived user token, or short-lived → long-lived ({@code grant_type=fb_exchange_token}). */
	private SimResponse accessToken(SimRequest r) {
		String clientId = r.param("client_id").orElse("");
		if (!DEMO_APP_ID.equals(clientId)) {
			return Graph.error(400, 101, "Error validating application. Invalid application ID.", false);
		}
		if (!DEMO_APP_SECRET.equals(r.param("client_secret").orElse(""))) {
			return Graph.error(400, 1, "Error validating client secret.", false);
		}
		Optional<SimAuth.Issued> issued;
		if ("fb_exchange_token".equals(r.param("grant_type").orElse(""))) {
			issued = sim.auth().userOf(FB, r.param("fb_exchange_token").orElse(""), r.now())
				.filter(people::containsKey)
				.map(person -> sim.auth().issue(FB, person, LONG_LIVED, false, r.now()));
			if (issued.isEmpty()) {
				return Graph.error(400, 190, "Error validating access token: Session has expired or is invalid.", false);
			}
		}
		else {
			issued = sim.auth().exchange(FB, r.param("code").orElse(""), clientId, r.param("redirect_uri").orElse(""), "",
					SHORT_LIVED, false, r.now());
			if (issued.isEmpty()) {
				return Graph.error(400, 100, "Invalid verification code format.", false);
			}
		}
		ObjectNode o = Graph.JSON.createObjectNode();
		o.put("access_token", issued.get().accessToken()).put("token_type", "bearer");
		o.put("expires_in", Duration.between(r.now(), issued.get().expiresAt()).getSeconds());
		return ok(o);
	}

	private SimResponse accounts(SimRequest r, Person person) {
		String fields = r.param("fields").orElse("id,name,access_token,category,tasks");
		ObjectNode body = Graph.JSON.createObjectNode();
		ArrayNode data = body.putArray("data");
		List<String> shown = new ArrayList<>();
		for (String pageId : person.pages()) {
			Optional<SimUser> page = sim.world().user(FB, pageId);
			if (page.isEmpty()) {
				continue;
			}
			ObjectNode o = data.addObject();
			if (fields.contains("access_token")) {
				o.put("access_token", sim.auth().issue(FB, pageId, null, false, r.now()).accessToken());
			}
			o.put("category", "Émission de télévision");
			o.putArray("category_list").addObject().put("id", "2212").put("name", "Émission de télévision");
			o.put("name", page.get().name());
			if (fields.contains("username")) {
				o.put("username", page.get().handle());
			}
			o.put("id", pageId);
			o.putArray("tasks").add("ANALYZE").add("ADVERTISE").add("MESSAGING").add("MODERATE").add("CREATE_CONTENT").add("MANAGE");
			if (fields.contains("instagram_business_account")) {
				instagramOf(pageId).ifPresent(ig -> o.putObject("instagram_business_account").put("id", ig.id())
					.put("username", ig.handle()).put("name", ig.name()));
			}
			shown.add(pageId);
		}
		ObjectNode paging = body.putObject("paging");
		if (!shown.isEmpty()) {
			paging.putObject("cursors").put("before", Graph.cursor(shown.get(0)))
				.put("after", Graph.cursor(shown.get(shown.size() - 1)));
		}
		return ok(body);
	}

	/** {@code GET /debug_token?input_token=}: type, validity and {@code expires_at} (0 = never, as for Page tokens). */
	private SimResponse debugToken(SimRequest r) {
		String input = r.param("input_token").orElse("");
		ObjectNode body = Graph.JSON.createObjectNode();
		ObjectNode data = body.putObject("data");
		data.put("app_id", DEMO_APP_ID).put("application", "Vigie");
		Optional<String> owner = sim.auth().userOf(FB, input, r.now());
		boolean person = owner.map(people::containsKey).orElse(false);
		data.put("type", person ? "USER" : "PAGE");
		data.put("is_valid", owner.isPresent());
		data.put("expires_at", sim.auth().expiresAt(FB, input, r.now()).map(java.time.Instant::getEpochSecond).orElse(0L));
		owner.ifPresent(o -> data.put(person ? "user_id" : "profile_id", o));
		return ok(body);
	}

	private static SimResponse ok(ObjectNode body) {
		return SimResponse.json(200, body.toString());
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
