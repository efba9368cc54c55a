package org.vigie.accounts.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.vigie.MutableClock;
import org.vigie.TestClockConfiguration;
import org.vigie.accounts.AccountStatus;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.ingest.Ingestion;
import org.vigie.shared.Network;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;
import org.vigie.simulator.bluesky.BlueskyFake;
import org.vigie.web.Browsers;
import org.vigie.workspace.Actor;
import org.vigie.workspace.ApiTokens;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connecting accounts end to end in a real browser: Settings › Accounts, X's OAuth 2.0 with PKCE
 * and Mastodon's app registration then OAuth, both on the simulator's authorisation pages; Bluesky
 * with a handle and an app password; an RSS/Atom feed by its address. A revoked token (X) or app
 * password (Bluesky) pauses the account, the page says why in words, and Reconnect brings it back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsBrowserIT {

	static final String EMAIL = "manager-accounts@prod.example";

	static final String PASSWORD = "une phrase de passe assez longue";

	@LocalServerPort
	int port;

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@Autowired
	Accounts accounts;

	@Autowired
	Ingestion ingestion;

	@Autowired
	Simulator simulator;

	@Autowired
	ApiTokens tokens;

	@Autowired
	BlueskyFake bluesky;

	@Autowired
	MutableClock clock;

	@Autowired
	org.vigie.simulator.meta.MetaWebhooks metaWebhooks;

	WebDriver browser;

	User admin;

	Show show;

	@BeforeAll
	void setUp() {
		admin = team.findByEmail(EMAIL).orElseGet(() -> team.createFirstAdmin(EMAIL, "Claire", PASSWORD));
		Actor actor = new Actor(admin.id(), admin.email(), Role.ADMIN, Set.of());
		show = shows.findBySlug("les-gardiens-du-phare").orElseGet(() -> shows.create(actor, "Les Gardiens du Phare"));
		browser = Browsers.chromium();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(EMAIL);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
	}

	@AfterAll
	void close() {
		browser.quit();
	}

	@Test
	void connectsAnXAccountWithPkceThenPausesAndReconnectsIt() throws Exception {
		SimUser me = simulator.world().addUser(Network.X, "PhareOfficiel", "Les Gardiens du Phare", 42_000, true, "fr");

		browser.get(url("/settings/accounts"));
		new Select(browser.findElement(By.id("x-show"))).selectByVisibleText(show.name());
		browser.findElement(By.id("x-server")).clear();
		browser.findElement(By.id("x-server")).sendKeys(simulator.baseUrl(Network.X));
		browser.findElement(By.cssSelector("#connect-x button[type=submit]")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("authorize")));
		assertThat(browser.getCurrentUrl()).contains("/sim/x/i/oauth2/authorize").contains("code_challenge_method=S256");
		new Select(browser.findElement(By.id("user"))).selectByValue(me.id());
		browser.findElement(By.id("authorize")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.urlContains("/settings/accounts"));
		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-handle=PhareOfficiel]")));
		SocialAccount account = accounts.find(Network.X, "PhareOfficiel").orElseThrow();
		assertThat(account.status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(account.show()).isEqualTo(show.id());
		assertThat(account.tokenExpiresAt()).isNotNull();
		assertThat(accounts.secrets(account.id()).values()).containsKeys("access_token", "refresh_token");
		assertThat(row("PhareOfficiel").getText()).contains("Connecté");

		simulator.auth().revokeAll(Network.X, me.id());
		assertThat(ingestion.poll(account.id(), Feed.of(Feed.Kind.MENTIONS))).isEqualTo(Ingestion.PollOutcome.PAUSED);
		browser.get(url("/settings/accounts"));
		assertThat(row("PhareOfficiel").getText()).contains("En pause").contains("reconnectez");
		browser.findElement(By.id("lang-switch")).click();
		try {
			Browsers.waitFor(browser).until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
			browser.get(url("/settings/accounts"));
			assertThat(row("PhareOfficiel").getText()).contains("Paused").contains("reconnect the account")
				.doesNotContain("reconnectez");
		}
		finally {
			browser.findElement(By.id("lang-switch")).click();
			Browsers.waitFor(browser).until(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
			browser.get(url("/settings/accounts"));
		}

		// The API speaks English unless asked otherwise, the message key beside the words.
		String api = api("/api/v1/accounts");
		assertThat(api).contains("\"handle\":\"PhareOfficiel\"").contains("\"status\":\"paused\"")
			.contains("reconnect the account").contains("\"statusReasonCode\":\"connectors.x.refresh-refused\"")
			.contains("\"lastErrorCode\":\"connectors.poll.revoked\"")
			.doesNotContain("reconnectez");
		assertThat(api("/api/v1/accounts", "fr")).contains("reconnectez");

		row("PhareOfficiel").findElement(By.cssSelector("button.reconnect")).click();
		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("authorize")));
		new Select(browser.findElement(By.id("user"))).selectByValue(me.id());
		browser.findElement(By.id("authorize")).click();
		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-handle=PhareOfficiel]")));
		assertThat(accounts.find(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(row("PhareOfficiel").getText()).contains("Connecté");
		assertThat(ingestion.poll(account.id(), Feed.of(Feed.Kind.MENTIONS))).isIn(Ingestion.PollOutcome.CAUGHT_UP,
				Ingestion.PollOutcome.MORE);
	}

	@Test
	void connectsAMastodonAccountAfterRegisteringVigieOnTheInstance() throws Exception {
		SimUser me = simulator.world().addUser(Network.MASTODON, "phare", "Les Gardiens du Phare", 5_000, true, "fr");

		browser.get(url("/settings/accounts"));
		new Select(browser.findElement(By.id("m-show"))).selectByVisibleText(show.name());
		browser.findElement(By.id("m-server")).clear();
		browser.findElement(By.id("m-server")).sendKeys(simulator.baseUrl(Network.MASTODON));
		browser.findElement(By.cssSelector("#connect-mastodon button[type=submit]")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("authorize")));
		assertThat(browser.getPageSource()).contains("Vigie");
		new Select(browser.findElement(By.id("user"))).selectByValue(me.id());
		browser.findElement(By.id("authorize")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-handle=phare]")));
		SocialAccount account = accounts.find(Network.MASTODON, "phare").orElseThrow();
		assertThat(account.status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(account.baseUrl()).isEqualTo(simulator.baseUrl(Network.MASTODON));
		assertThat(row("phare").getText()).contains("N'expire pas");
		assertThat(api("/api/v1/accounts")).contains("\"handle\":\"phare\"").contains("\"status\":\"connected\"");
	}

	@Test
	void connectsABlueskyAccountWithAnAppPasswordThenPausesAndReconnectsIt() throws Exception {
		SimUser me = simulator.world().addUser(Network.BLUESKY, "gardiens-du-phare", "Les Gardiens du Phare", 8_000, true, "fr");
		SimUser fan = simulator.world().addUser(Network.BLUESKY, "fan-du-gardiens-du-phare", "Fan", 10, false, "fr");
		String appPassword = bluesky.createAppPassword(me);

		browser.get(url("/settings/accounts"));
		new Select(browser.findElement(By.id("b-show"))).selectByVisibleText(show.name());
		browser.findElement(By.id("b-handle")).sendKeys("@" + me.handle());
		browser.findElement(By.id("b-password")).sendKeys(appPassword);
		browser.findElement(By.id("b-server")).sendKeys(simulator.baseUrl(Network.BLUESKY));
		browser.findElement(By.cssSelector("#connect-bluesky button[type=submit]")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-handle='gardiens-du-phare']")));
		SocialAccount account = accounts.find(Network.BLUESKY, "gardiens-du-phare").orElseThrow();
		assertThat(account.status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(account.show()).isEqualTo(show.id());
		assertThat(account.externalId()).startsWith("did:");
		assertThat(accounts.secrets(account.id()).values()).containsKeys("app_password", "access_token", "refresh_token");
		assertThat(row("'gardiens-du-phare'").getText()).contains("Connecté");
		simulator.world().post(Network.BLUESKY, fan, "@gardiens-du-phare quelle soirée 🌊", clock.instant(), null, null, "fr", null);
		clock.advance(java.time.Duration.ofSeconds(1));
		assertThat(ingestion.drain(account.id(), Feed.of(Feed.Kind.MENTIONS), 5)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
		assertThat(api("/api/v1/items?network=bluesky")).contains("quelle soirée");

		bluesky.revokeAppPasswords(me);
		clock.advance(java.time.Duration.ofHours(3));
		assertThat(ingestion.poll(account.id(), Feed.of(Feed.Kind.MENTIONS))).isEqualTo(Ingestion.PollOutcome.PAUSED);
		browser.get(url("/settings/accounts"));
		assertThat(row("'gardiens-du-phare'").getText()).contains("En pause").containsIgnoringCase("reconnect");

		row("'gardiens-du-phare'").findElement(By.cssSelector("a.reconnect")).click();
		Browsers.waitFor(browser).until(ExpectedConditions.urlContains("reconnect="));
		Browsers.waitFor(browser).until(d -> "gardiens-du-phare".equals(d.findElement(By.id("b-handle")).getDomProperty("value")));
		assertThat(browser.findElement(By.id("b-server")).getDomProperty("value")).isEqualTo(simulator.baseUrl(Network.BLUESKY));
		browser.findElement(By.id("b-password")).sendKeys(bluesky.createAppPassword(me));
		browser.findElement(By.cssSelector("#connect-bluesky button[type=submit]")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("tr[data-handle='gardiens-du-phare'] td.status"), "Connecté"));
		assertThat(accounts.find(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(ingestion.poll(account.id(), Feed.of(Feed.Kind.MENTIONS))).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
	}

	@Test
	void connectsAnRssFeedByItsAddressAndRefusesAPageThatIsNotAFeed() throws Exception {
		SimUser fan = simulator.world().addUser(Network.RSS, "lecteur", "Un lecteur", 10, false, "fr");
		simulator.world().post(Network.RSS, fan, "Le phare s'est rallumé <enfin> & pour de bon", clock.instant(), null, null, "fr",
				"forum-du-phare");
		clock.advance(java.time.Duration.ofSeconds(1));

		browser.get(url("/settings/accounts"));
		browser.findElement(By.id("r-url")).sendKeys(simulator.baseUrl(Network.RSS) + "/nulle-part.xml");
		browser.findElement(By.cssSelector("#connect-rss button[type=submit]")).click();
		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accounts .alert.error")));
		assertThat(browser.findElement(By.cssSelector("#accounts .alert.error")).getText()).contains("404");

		String address = simulator.baseUrl(Network.RSS) + "/feeds/forum-du-phare.atom";
		new Select(browser.findElement(By.id("r-show"))).selectByVisibleText(show.name());
		browser.findElement(By.id("r-url")).sendKeys(address);
		browser.findElement(By.cssSelector("#connect-rss button[type=submit]")).click();

		// This feed's row: the context may be shared with tests that connected other feeds before.
		String handle = address.replaceFirst("^http://", "");
		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("tr[data-network=rss][data-handle='" + handle + "']")));
		SocialAccount feed = accounts.all().stream().filter(a -> a.network() == Network.RSS && address.equals(a.externalId()))
			.findFirst().orElseThrow();
		assertThat(feed.status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(feed.displayName()).isEqualTo("Forum forum-du-phare");
		assertThat(feed.handle()).isEqualTo(handle);
		assertThat(row("'" + handle + "'").getText()).contains("Forum forum-du-phare").contains("Connecté");
		assertThat(ingestion.drain(feed.id(), Feed.of(Feed.Kind.MENTIONS), 5)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
		assertThat(api("/api/v1/items?network=rss")).contains("Le phare s'est rallum");
	}

	@Test
	void connectsFacebookPagesAndTheirInstagramAccountsWithFacebookLogin() throws Exception {
		SimUser page = simulator.world().addUser(Network.FACEBOOK, "PhareTV", "Les Gardiens du Phare", 50_000, true, "fr");
		SimUser other = simulator.world().addUser(Network.FACEBOOK, "AutrePage", "Une autre Page", 100, true, "fr");
		SimUser insta = simulator.world().addUser(Network.INSTAGRAM, "PhareTV", "Phare TV", 12_000, true, "fr");
		SimUser fan = simulator.world().addUser(Network.INSTAGRAM, "fan_du_phare", "Fan", 10, false, "fr");
		var media = simulator.world().post(Network.INSTAGRAM, insta, "Les coulisses", clock.instant().minusSeconds(120), null,
				null, "fr", null);
		simulator.world().post(Network.INSTAGRAM, fan, "Magnifique !", clock.instant().minusSeconds(60), media, null, "fr", null);

		browser.get(url("/settings/accounts"));
		new Select(browser.findElement(By.id("fb-show"))).selectByVisibleText(show.name());
		browser.findElement(By.id("fb-server")).clear();
		browser.findElement(By.id("fb-server")).sendKeys(simulator.baseUrl(Network.FACEBOOK));
		browser.findElement(By.cssSelector("#connect-facebook button[type=submit]")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("authorize")));
		assertThat(browser.getCurrentUrl()).contains("/sim/facebook/v26.0/dialog/oauth").contains("client_id=vigie-demo")
			.contains("pages_show_list").contains("instagram_manage_comments");
		// Grant only this show's Page (the simulator may offer the demo shows' Pages too).
		for (org.openqa.selenium.WebElement box : browser.findElements(By.cssSelector("input[name=page]"))) {
			if (!box.getAttribute("value").equals(page.id()) && box.isSelected()) {
				box.click();
			}
		}
		assertThat(browser.findElement(By.id("page-" + other.id())).isSelected()).isFalse();
		browser.findElement(By.id("authorize")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("choose-form")));
		assertThat(browser.findElements(By.cssSelector("#choose-form tbody tr"))).hasSize(2);
		assertThat(browser.findElement(By.cssSelector("#choose-form tr[data-network=instagram]")).getText())
			.contains("PhareTV").contains("Les Gardiens du Phare");
		assertThat(browser.findElement(By.cssSelector("#choose-form tr[data-network=facebook]")).getText())
			.contains("Jeton de Page sans date d'expiration").contains("jeton utilisateur longue durée");
		browser.findElement(By.id("choose-submit")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("tr[data-network=instagram][data-handle=PhareTV]")));
		SocialAccount fb = accounts.find(Network.FACEBOOK, "PhareTV").orElseThrow();
		SocialAccount ig = accounts.find(Network.INSTAGRAM, "PhareTV").orElseThrow();
		assertThat(fb.externalId()).isEqualTo(page.id());
		assertThat(fb.show()).isEqualTo(show.id());
		assertThat(fb.tokenExpiresAt()).isNull();
		assertThat(accounts.secrets(fb.id()).values()).containsKeys("page_token", "user_token_expires_at");
		assertThat(ig.externalId()).isEqualTo(insta.id());
		assertThat(ig.baseUrl()).isEqualTo(simulator.baseUrl(Network.INSTAGRAM));
		assertThat(accounts.find(Network.FACEBOOK, "AutrePage")).isEmpty();
		assertThat(metaWebhooks.subscribed(Network.FACEBOOK, page.id())).isTrue();
		assertThat(metaWebhooks.subscribed(Network.INSTAGRAM, insta.id())).isTrue();
		assertThat(metaWebhooks.subscribed(Network.FACEBOOK, other.id())).isFalse();
		assertThat(browser.findElement(By.cssSelector("tr[data-network=facebook][data-handle=PhareTV] td.token")).getText())
			.contains("Jeton de Page").contains("n'expire pas");

		assertThat(ingestion.poll(fb.id(), Feed.of(Feed.Kind.OWN_POSTS))).isIn(Ingestion.PollOutcome.CAUGHT_UP,
				Ingestion.PollOutcome.MORE);
		assertThat(ingestion.poll(ig.id(), Feed.of(Feed.Kind.COMMENTS))).isIn(Ingestion.PollOutcome.CAUGHT_UP,
				Ingestion.PollOutcome.MORE);
		assertThat(api("/api/v1/accounts")).contains("\"tokenForecast\":\"page-token\"");
	}

	@Test
	void connectsAYouTubeChannelWithGoogleOfflineAccessAndRefreshesItsToken() throws Exception {
		SimUser channel = simulator.world().addUser(Network.YOUTUBE, "PhareChaine", "Les Gardiens du Phare", 8_000, true, "fr");

		browser.get(url("/settings/accounts"));
		new Select(browser.findElement(By.id("yt-show"))).selectByVisibleText(show.name());
		browser.findElement(By.id("yt-server")).clear();
		browser.findElement(By.id("yt-server")).sendKeys(simulator.baseUrl(Network.YOUTUBE));
		browser.findElement(By.cssSelector("#connect-youtube button[type=submit]")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("authorize")));
		assertThat(browser.getCurrentUrl()).contains("/sim/youtube/o/oauth2/v2/auth").contains("access_type=offline")
			.contains("code_challenge_method=S256");
		new Select(browser.findElement(By.id("user"))).selectByValue(channel.id());
		browser.findElement(By.id("authorize")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("tr[data-network=youtube][data-handle=pharechaine]")));
		SocialAccount account = accounts.find(Network.YOUTUBE, "pharechaine").orElseThrow();
		assertThat(account.externalId()).isEqualTo(channel.id());
		assertThat(account.tokenExpiresAt()).isBetween(clock.instant().plusSeconds(3000), clock.instant().plusSeconds(3600));
		assertThat(accounts.secrets(account.id()).values()).containsKeys("access_token", "refresh_token", "client_id");
		assertThat(browser.findElement(By.cssSelector("tr[data-network=youtube][data-handle=pharechaine] td.token")).getText())
			.contains("Renouvelé automatiquement");

		clock.advance(java.time.Duration.ofHours(2));
		assertThat(ingestion.poll(account.id(), Feed.of(Feed.Kind.COMMENTS))).isIn(Ingestion.PollOutcome.CAUGHT_UP,
				Ingestion.PollOutcome.MORE);
		SocialAccount after = accounts.find(account.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(after.tokenExpiresAt()).isAfter(clock.instant());
	}

	@Test
	void connectsARedditAccountWithPermanentAccessAndRefreshesItsToken() throws Exception {
		SimUser me = simulator.world().addUser(Network.REDDIT, "GardiensDuPhare", "Les Gardiens du Phare", 900, true, "fr");

		browser.get(url("/settings/accounts"));
		new Select(browser.findElement(By.id("rd-show"))).selectByVisibleText(show.name());
		browser.findElement(By.id("rd-server")).clear();
		browser.findElement(By.id("rd-server")).sendKeys(simulator.baseUrl(Network.REDDIT));
		browser.findElement(By.cssSelector("#connect-reddit button[type=submit]")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("authorize")));
		assertThat(browser.getCurrentUrl()).contains("/sim/reddit/api/v1/authorize").contains("duration=permanent");
		new Select(browser.findElement(By.id("user"))).selectByValue(me.id());
		browser.findElement(By.id("authorize")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("tr[data-network=reddit][data-handle=GardiensDuPhare]")));
		SocialAccount account = accounts.find(Network.REDDIT, "GardiensDuPhare").orElseThrow();
		assertThat(accounts.secrets(account.id()).values()).containsKeys("access_token", "refresh_token", "client_id",
				"client_secret");
		assertThat(account.tokenExpiresAt()).isNotNull();

		clock.advance(java.time.Duration.ofHours(25));
		assertThat(ingestion.poll(account.id(), Feed.of(Feed.Kind.MENTIONS))).isIn(Ingestion.PollOutcome.CAUGHT_UP,
				Ingestion.PollOutcome.MORE);
		SocialAccount after = accounts.find(account.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(after.tokenExpiresAt()).isAfter(clock.instant());
	}

	@Test
	void warnsDaysBeforeATokenExpiresThenPausesTheAccountWithWordsAndAReconnectButton() throws Exception {
		SocialAccount account = accounts.connect(new org.vigie.accounts.NewAccount(show.id(), Network.MASTODON, "expirant",
				"77", "Expirant", simulator.baseUrl(Network.MASTODON), java.util.Map.of("access_token", "t"),
				clock.instant().plus(java.time.Duration.ofDays(10))));

		browser.get(url("/settings/accounts"));
		assertThat(token("expirant").getAttribute("data-forecast")).isEqualTo("valid");
		assertThat(api("/api/v1/accounts")).contains("\"tokenWarning\":false");

		clock.advance(java.time.Duration.ofDays(4));
		browser.get(url("/settings/accounts"));
		assertThat(token("expirant").getAttribute("data-forecast")).isEqualTo("expiring");
		assertThat(token("expirant").getText()).contains("dans 6 jour(s)").contains("reconnectez");
		accounts.pauseExpired();
		// This account, not a count: the context may hold other tests' accounts whose tokens expired.
		assertThat(accounts.find(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.CONNECTED);

		clock.advance(java.time.Duration.ofDays(6));
		assertThat(accounts.pauseExpired()).isGreaterThanOrEqualTo(1);
		assertThat(accounts.find(account.id()).orElseThrow().status()).isEqualTo(AccountStatus.PAUSED);
		browser.get(url("/settings/accounts"));
		assertThat(row("expirant").getText()).contains("En pause").contains("Le jeton d'accès a expiré").contains("reconnectez");
		assertThat(row("expirant").findElements(By.cssSelector("button.reconnect"))).hasSize(1);
		assertThat(token("expirant").getAttribute("data-forecast")).isEqualTo("expired");
		accounts.disconnect(account.id());
	}

	private org.openqa.selenium.WebElement token(String handle) {
		return row(handle).findElement(By.cssSelector("td.token"));
	}

	private org.openqa.selenium.WebElement row(String handle) {
		return browser.findElement(By.cssSelector("tr[data-handle=" + handle + "]"));
	}

	private String api(String path) throws Exception {
		return api(path, null);
	}

	private String api(String path, @Nullable String language) throws Exception {
		String secret = tokens.create(admin.id(), admin.email(), "accounts-test").secret();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + secret);
		if (language != null) {
			request.header("Accept-Language", language);
		}
		HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
