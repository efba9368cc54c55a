package org.vigie.accounts.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

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

		String api = api("/api/v1/accounts");
		assertThat(api).contains("\"handle\":\"PhareOfficiel\"").contains("\"status\":\"paused\"")
			.contains("reconnectez");

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
		assertThat(browser.findElement(By.id("b-handle")).getDomProperty("value")).isEqualTo("gardiens-du-phare");
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

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-network=rss]")));
		SocialAccount feed = accounts.all().stream().filter(a -> a.network() == Network.RSS && address.equals(a.externalId()))
			.findFirst().orElseThrow();
		assertThat(feed.status()).isEqualTo(AccountStatus.CONNECTED);
		assertThat(feed.handle()).isEqualTo("Forum forum-du-phare");
		assertThat(browser.findElement(By.cssSelector("tr[data-network=rss]")).getText()).contains("Forum forum-du-phare")
			.contains("Connecté");
		assertThat(ingestion.drain(feed.id(), Feed.of(Feed.Kind.MENTIONS), 5)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
		assertThat(api("/api/v1/items?network=rss")).contains("Le phare s'est rallum");
	}

	private org.openqa.selenium.WebElement row(String handle) {
		return browser.findElement(By.cssSelector("tr[data-handle=" + handle + "]"));
	}

	private String api(String path) throws Exception {
		String secret = tokens.create(admin.id(), admin.email(), "accounts-test").secret();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + secret).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
