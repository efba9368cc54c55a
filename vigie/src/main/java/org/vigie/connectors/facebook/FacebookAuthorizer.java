package org.vigie.connectors.facebook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import org.vigie.connectors.AccountAuthorizer;
import org.vigie.connectors.AuthorizationRequest;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.ConnectorSettings;
import org.vigie.connectors.FoundAccount;
import org.vigie.connectors.graph.GraphClient;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;

/**
 * Facebook Login for Pages and their Instagram business accounts ({@code api-reference/facebook},
 * "Auth"): the browser goes to {@code /dialog/oauth}, the code is exchanged at
 * {@code /oauth/access_token} for a short-lived user token, that one for a long-lived user token
 * ({@code grant_type=fb_exchange_token}, about 60 days), and {@code /me/accounts} with it gives
 * each granted Page's token — Page tokens derived from a long-lived user token have no expiry
 * date — and the {@code instagram_business_account} linked to the Page. The person picks which
 * of them to connect; an Instagram account is read with its Page's token.
 */
@Component
class FacebookAuthorizer implements AccountAuthorizer {

	/** The app id and secret the simulator accepts when no real Meta app is configured. */
	static final String DEMO_APP_ID = "vigie-demo";

	static final String DEMO_APP_SECRET = "vigie-demo-secret";

	/** Pages, their engagement and messages, and the Instagram scopes of the Facebook-Login flavour. */
	static final String SCOPES = "pages_show_list,pages_read_engagement,pages_read_user_content,pages_manage_posts,"
			+ "pages_manage_engagement,pages_manage_metadata,pages_messaging,read_insights,business_management,"
			+ "instagram_basic,instagram_manage_comments,instagram_manage_insights,instagram_content_publish,"
			+ "instagram_manage_messages";

	static final String PAGE_FIELDS = "id,name,username,access_token,tasks,instagram_business_account{id,username,name}";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Logger log = LoggerFactory.getLogger(FacebookAuthorizer.class);

	private final ConnectorSettings settings;

	private final JsonHttp http;

	private final Clock clock;

	@Autowired
	FacebookAuthorizer(ConnectorSettings settings, Clock clock) {
		this(settings, clock, new JsonHttp(JsonHttp.defaultClient(), FacebookConnectorFactory.USER_AGENT));
	}

	FacebookAuthorizer(ConnectorSettings settings, Clock clock, JsonHttp http) {
		this.settings = settings;
		this.clock = clock;
		this.http = http;
	}

	@Override
	public Network network() {
		return Network.FACEBOOK;
	}

	@Override
	public boolean picks() {
		return true;
	}

	@Override
	public AuthorizationRequest start(String server, String redirectUri) {
		String base = server.isBlank() ? settings.facebook().apiBase() : server.replaceAll("/+$", "");
		String dialog = base.equals("https://graph.facebook.com") ? "https://www.facebook.com" + "/" + GraphClient.VERSION + "/dialog/oauth"
				: base + "/" + GraphClient.VERSION + "/dialog/oauth";
		String state = random(24);
		Map<String, String> q = new LinkedHashMap<>();
		q.put("client_id", appId());
		q.put("redirect_uri", redirectUri);
		q.put("state", state);
		q.put("scope", SCOPES);
		q.put("response_type", "code");
		return new AuthorizationRequest(Network.FACEBOOK, dialog + "?" + JsonHttp.form(q), state, base, redirectUri,
				Map.of());
	}

	@Override
	public ConnectedIdentity finish(AuthorizationRequest request, String code) throws ConnectorException {
		return finishAll(request, code).stream()
			.filter(f -> f.network() == Network.FACEBOOK)
			.findFirst()
			.map(FoundAccount::identity)
			.orElseThrow(() -> new ConnectorException.Rejected("No Facebook Page was authorised", Reason.of("connectors.facebook.no-page")));
	}

	@Override
	public List<FoundAccount> finishAll(AuthorizationRequest request, String code) throws ConnectorException {
		String base = request.server();
		Map<String, String> exchange = new LinkedHashMap<>();
		exchange.put("client_id", appId());
		exchange.put("redirect_uri", request.redirectUri());
		exchange.put("client_secret", appSecret());
		exchange.put("code", code);
		JsonNode shortLived = call(base, "/oauth/access_token", exchange, true);
		Map<String, String> longLived = new LinkedHashMap<>();
		longLived.put("grant_type", "fb_exchange_token");
		longLived.put("client_id", appId());
		longLived.put("client_secret", appSecret());
		longLived.put("fb_exchange_token", shortLived.path("access_token").asString());
		JsonNode user = call(base, "/oauth/access_token", longLived, false);
		String userToken = user.path("access_token").asString();
		Long expiresIn = JsonHttp.number(user, "expires_in");
		Instant userExpires = expiresIn == null ? null : clock.instant().plusSeconds(expiresIn);
		String note = userExpires == null ? "Jeton de Page sans date d'expiration"
				: "Jeton de Page sans date d'expiration (tiré d'un jeton utilisateur longue durée valable jusqu'au "
						+ DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"))
							.format(userExpires) + ")";
		List<FoundAccount> found = new ArrayList<>();
		String instagramBase = instagramBase(base);
		Map<String, String> q = new LinkedHashMap<>();
		q.put("fields", PAGE_FIELDS);
		q.put("limit", "100");
		q.put("access_token", userToken);
		JsonNode page = call(base, "/me/accounts", q, false);
		for (int pages = 0; pages < 20; pages++) {
			for (JsonNode p : page.path("data")) {
				String pageId = p.path("id").asString();
				String pageToken = p.path("access_token").asString("");
				if (pageId.isBlank() || pageToken.isBlank()) {
					continue;
				}
				String name = p.path("name").asString(pageId);
				Map<String, String> secrets = new LinkedHashMap<>();
				secrets.put("page_token", pageToken);
				if (userExpires != null) {
					secrets.put("user_token_expires_at", userExpires.toString());
				}
				found.add(new FoundAccount(Network.FACEBOOK, new ConnectedIdentity(p.path("username").asString(pageId),
						pageId, name, base, secrets, null), null, note));
				JsonNode ig = p.path("instagram_business_account");
				if (ig.isObject() && !ig.path("id").asString("").isBlank()) {
					found.add(new FoundAccount(Network.INSTAGRAM, new ConnectedIdentity(
							ig.path("username").asString(ig.path("id").asString()), ig.path("id").asString(),
							ig.path("name").asString(null), instagramBase, secrets, null), name,
							"Lu avec le jeton de la Page " + name + " : " + note.substring(0, 1).toLowerCase(Locale.ROOT)
									+ note.substring(1)));
				}
			}
			String next = JsonHttp.text(page.path("paging"), "next");
			if (next == null) {
				break;
			}
			page = parse(http.get(URI.create(next), Map.of()));
		}
		if (found.isEmpty()) {
			throw new ConnectorException.Rejected("Facebook gave access to no Page", Reason.of("connectors.facebook.no-page-granted"));
		}
		return found;
	}

	/**
	 * Subscribes a connected Page to the app's webhooks ({@code POST /{page-id}/subscribed_apps}
	 * with {@code subscribed_fields=feed,mention,messages}, the Page token): without it Meta pushes
	 * nothing for the Page (nor for its Instagram account); polling works either way.
	 */
	@Override
	public void connected(FoundAccount account) {
		if (account.network() != Network.FACEBOOK) {
			return;
		}
		ConnectedIdentity page = account.identity();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("subscribed_fields", "feed,mention,messages");
		form.put("access_token", page.secrets().getOrDefault("page_token", ""));
		try {
			JsonHttp.Response r = http.postForm(JsonHttp.uri(page.baseUrl(), "/" + GraphClient.VERSION + "/" + page.externalId()
					+ "/subscribed_apps", Map.of()), Map.of(), form);
			if (!r.ok()) {
				log.warn("Facebook did not subscribe the Page {} to webhooks (HTTP {}): polling only", page.handle(), r.status());
			}
		}
		catch (ConnectorException e) {
			log.warn("Could not subscribe the Page {} to webhooks: {}; polling only", page.handle(), e.getMessage());
		}
	}

	/**
	 * Where the Instagram account's API is: the same Graph host for the real network; the
	 * simulator serves Instagram beside Facebook ({@code …/sim/instagram}).
	 */
	static String instagramBase(String facebookBase) {
		return facebookBase.endsWith("/sim/facebook")
				? facebookBase.substring(0, facebookBase.length() - "facebook".length()) + "instagram" : facebookBase;
	}

	private JsonNode call(String base, String path, Map<String, String> params, boolean codeExchange)
			throws ConnectorException {
		return parse(http.get(JsonHttp.uri(base, "/" + GraphClient.VERSION + path, params), Map.of()), codeExchange);
	}

	private static JsonNode parse(JsonHttp.Response r) throws ConnectorException {
		return parse(r, false);
	}

	private static JsonNode parse(JsonHttp.Response r, boolean codeExchange) throws ConnectorException {
		if (r.status() >= 500) {
			throw new ConnectorException.Unavailable("Facebook is unavailable (HTTP " + r.status() + ")",
					Reason.of("connectors.failure.unavailable", "Facebook", String.valueOf(r.status())));
		}
		JsonNode body = r.json();
		if (!r.ok()) {
			String message = body.path("error").path("message").asString(JsonHttp.abbreviate(r.body()));
			throw new ConnectorException.Rejected((codeExchange ? "Facebook refused the authorisation code: "
					: "Facebook refused: ") + message,
					Reason.of(codeExchange ? "connectors.authorize.code-refused" : "connectors.authorize.refused", "Facebook", message));
		}
		return body;
	}

	private String appId() {
		return settings.facebook().appId().isBlank() ? DEMO_APP_ID : settings.facebook().appId();
	}

	private String appSecret() {
		return settings.facebook().appId().isBlank() ? DEMO_APP_SECRET : settings.facebook().appSecret();
	}

	private static String random(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}
}
