package org.vigie.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigie.archive.Archive;
import org.vigie.ingest.Annotations;
import org.vigie.ingest.Author;
import org.vigie.ingest.IncomingItem;
import org.vigie.ingest.ItemsIngested;
import org.vigie.shared.AccountId;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;
import org.vigie.storage.TestDirs;
import org.vigie.web.Browsers;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;
import org.vigie.workspace.Workspaces;

/**
 * The inbox in a real browser: live arrival, filters and free text, replies (sent, failed with the
 * network's reason, retried), the collision warning between two people, keyboard navigation, and
 * both languages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ActiveProfiles("it")
class InboxBrowserIT {

	static final Path DATA = TestDirs.create("inbox-browser");

	static final Instant T0 = Instant.parse("2026-11-20T20:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@Autowired
	Workspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	InboxFixtures.FakeNetwork network;

	WebDriver claire;

	WebDriver camille;

	Show show;

	String account;

	String fan;

	InboxFixtures fixtures;

	@Autowired
	Archive archive;

	@Autowired
	Presence presence;

	@Autowired
	Triage triage;

	Actor admin;

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
		registry.add("vigie.inbox.page-size", () -> "20");
	}

	@BeforeAll
	void seed() {
		User root = team.createFirstAdmin("claire@prod.example", "Claire", "une phrase assez longue");
		Actor actor = new Actor(root.id(), root.email(), root.role(), Set.of());
		admin = actor;
		show = shows.create(actor, "Les Reines du Shopping");
		var invite = team.invite(actor, "camille@prod.example", "Camille", Role.COMMUNITY_MANAGER, Set.of(show.id()));
		team.acceptInvitation(invite.secret(), "un autre mot de passe");
		fixtures = new InboxFixtures(jdbc);
		account = fixtures.account(show.id().toString(), Network.INSTAGRAM, "reinesdushopping");
		fan = fixtures.author(Network.INSTAGRAM, "marie_l", "Marie L.", 1200);
		String other = fixtures.author(Network.FACEBOOK, "jules", "Jules Martin", 80);
		String conv = fixtures.conversation(Network.INSTAGRAM, account, show.id().toString());
		fixtures.item(InboxFixtures.Seed.of(Network.INSTAGRAM, show.id().toString(), account, null, "La finale, c'est ce soir !", T0)
			.kind("POST").in(conv).external("p1", null).ours());
		fixtures.item(InboxFixtures.Seed.of(Network.INSTAGRAM, show.id().toString(), account, fan,
				"J'ai adoré l'émission, vivement la suite https://example.org/replay", T0.plusSeconds(60)).in(conv).external("c1", "p1"));
		fixtures.item(InboxFixtures.Seed.of(Network.FACEBOOK, show.id().toString(), account, other,
				"Les candidates étaient formidables", T0.plusSeconds(90)).lang("fr", "positive"));
		fixtures.item(InboxFixtures.Seed.of(Network.INSTAGRAM, show.id().toString(), account, other,
				"Where can I watch it from London?", T0.plusSeconds(120)).lang("en", "neutral").kind("MENTION"));
		// Seeded rows bypass ingestion, which is what feeds the archive: index them as it would.
		archive.rebuild();
		claire = Browsers.chromium();
		camille = Browsers.chromium();
		signIn(claire, "claire@prod.example", "une phrase assez longue");
		signIn(camille, "camille@prod.example", "un autre mot de passe");
	}

	/** Keeps what both browsers showed at the end of each test, to understand a failure. */
	@AfterEach
	void keep(TestInfo info) throws IOException {
		Path dir = Path.of("target", "browser-pages");
		Files.createDirectories(dir);
		String name = info.getTestMethod().map(m -> m.getName()).orElse("test");
		Files.writeString(dir.resolve(name + "-claire.html"), claire.getPageSource());
		Files.writeString(dir.resolve(name + "-camille.html"), camille.getPageSource());
		Files.write(dir.resolve(name + "-claire.png"),
				((TakesScreenshot) claire).getScreenshotAs(OutputType.BYTES));
	}

	@AfterAll
	void close() {
		claire.quit();
		camille.quit();
	}

	@Test
	void announcesANewMentionLiveWithoutMovingTheList() {
		claire.get(url("/inbox"));
		InboxPages.waitForStream(claire);
		String firstBefore = rows(claire).get(0).getText();
		String id = fixtures.item(InboxFixtures.Seed.of(Network.INSTAGRAM, show.id().toString(), account, fan,
				"@reinesdushopping nouvelle mention en direct", Instant.now()).kind("MENTION"));
		events.publishEvent(new ItemsIngested(List.of(incoming(id, "@reinesdushopping nouvelle mention en direct"))));
		waitFor(claire).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-items")));
		assertThat(claire.findElement(By.id("new-count")).getText()).isEqualTo("1");
		assertThat(rows(claire).get(0).getText()).as("the list does not jump").isEqualTo(firstBefore);
		claire.findElement(By.id("new-items")).click();
		waitFor(claire).until(d -> rows(d).get(0).getText().contains("nouvelle mention en direct"));
		assertThat(claire.findElement(By.id("new-items")).isDisplayed()).isFalse();
	}

	@Test
	void filtersAndSearchesFreeTextKeepingTheUrl() {
		claire.get(url("/inbox"));
		InboxPages.waitForStream(claire);
		new Select(claire.findElement(By.id("filter-network"))).selectByValue("facebook");
		waitFor(claire).until(ExpectedConditions.urlContains("network=facebook"));
		waitFor(claire).until(d -> rows(d).size() == 1 && rows(d).get(0).getText().contains("formidables"));
		new Select(claire.findElement(By.id("filter-network"))).selectByValue("");
		waitFor(claire).until(d -> rows(d).size() > 1);
		WebElement q = claire.findElement(By.id("filter-q"));
		q.sendKeys("London", Keys.ENTER);
		waitFor(claire).until(ExpectedConditions.urlContains("q=London"));
		waitFor(claire).until(d -> rows(d).size() == 1 && rows(d).get(0).getText().contains("London"));
		claire.navigate().refresh();
		InboxPages.waitForStream(claire);
		assertThat(rows(claire)).hasSize(1);
		assertThat(claire.findElement(By.id("filter-q")).getAttribute("value")).isEqualTo("London");
	}

	@Test
	void repliesShowTheirStateAndAFailureCanBeRetried() {
		String id = jdbc.sql("SELECT id FROM items WHERE external_id = 'c1'").query(String.class).single();
		claire.get(url("/inbox?item=" + id));
		waitFor(claire).until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
		assertThat(claire.findElement(By.id("thread")).getText()).contains("La finale, c'est ce soir", "J'ai adoré");
		InboxPages.send(claire, "Merci Marie, à vendredi !");
		waitFor(claire).until(d -> d.findElements(By.cssSelector("#thread .msg.ours[data-state='sent']")).size() == 1);
		assertThat(network.replies).contains("c1: Merci Marie, à vendredi !");

		network.failNextReply("Ce commentaire n'accepte plus de réponses.");
		// The first reply's "sent" re-renders the conversation (SSE "changed"), perhaps while typing.
		InboxPages.send(claire, "Deuxième réponse");
		waitFor(claire).until(d -> d.findElements(By.cssSelector("#thread .msg.ours[data-state='failed']")).size() == 1);
		String failed = waitFor(claire)
			.until(d -> d.findElement(By.cssSelector("#thread .msg.ours[data-state='failed']")).getText());
		assertThat(failed).contains("Échec", "n'accepte plus de réponses");
		Browsers.click(claire, By.cssSelector("#thread .msg.ours[data-state='failed'] button.retry"));
		waitFor(claire).until(d -> d.findElements(By.cssSelector("#thread .msg.ours[data-state='sent']")).size() == 2);
		assertThat(network.replies).contains("c1: Deuxième réponse");
	}

	@Test
	void warnsBothPeopleWhenTheyWorkTheSameItem() {
		String id = jdbc.sql("SELECT id FROM items WHERE text LIKE 'Les candidates%'").query(String.class).single();
		claire.get(url("/inbox?item=" + id));
		camille.get(url("/inbox?item=" + id));
		waitFor(claire).until(d -> text(d, "presence").contains("Camille consulte aussi"));
		waitFor(camille).until(d -> text(d, "presence").contains("Claire consulte aussi"));
		camille.findElement(By.id("reply-text")).sendKeys("Je m'en occupe");
		waitFor(claire).until(d -> text(d, "presence").contains("Camille est en train de répondre"));
		camille.get(url("/inbox"));
		waitFor(claire).until(d -> text(d, "presence").isEmpty());
	}

	@Test
	void keepsWhatIsBeingTypedWhenTheConversationIsRefreshedMeanwhile() {
		String id = jdbc.sql("SELECT id FROM items WHERE text LIKE 'Les candidates%'").query(String.class).single();
		claire.get(url("/inbox?item=" + id));
		InboxPages.waitForStream(claire);
		String tab = claire.findElement(By.id("inbox")).getAttribute("data-tab");
		waitFor(claire).until(d -> id.equals(presence.itemOf(tab)));
		js(claire, """
				window.__refresh = 'none';
				document.addEventListener('htmx:beforeRequest', function (e) {
				  if (e.detail.requestConfig.path.indexOf('/inbox/items/') === 0) window.__refresh = 'asked';
				});
				document.addEventListener('htmx:afterRequest', function (e) {
				  if (e.detail.requestConfig.path.indexOf('/inbox/items/') === 0) window.__refresh = 'back';
				});""");
		// Someone adds a note: Claire's page asks for the conversation again, and the answer is slow
		// to come; meanwhile Claire starts her reply.
		ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
		slow.setLatency(Duration.ofSeconds(3));
		((HasNetworkConditions) claire).setNetworkConditions(slow);
		try {
			triage.note(admin, id, "Camille", "Je regarde aussi");
			waitFor(claire).until(d -> "asked".equals(js(d, "return window.__refresh")));
			claire.findElement(By.id("reply-text")).sendKeys("Merci pour");
			waitFor(claire).until(d -> "back".equals(js(d, "return window.__refresh")));
			assertThat(claire.findElement(By.id("reply-text")).getDomProperty("value"))
				.as("what Claire typed while the refresh came").isEqualTo("Merci pour");
		}
		finally {
			((HasNetworkConditions) claire).deleteNetworkConditions();
		}
	}

	@Test
	void movesWithTheKeyboardAndShowsHelp() {
		claire.get(url("/inbox?status=all"));
		InboxPages.waitForStream(claire);
		WebElement body = claire.findElement(By.tagName("body"));
		body.sendKeys("j");
		String first = waitFor(claire).until(d -> d.findElement(By.cssSelector("#rows li.item.selected")).getAttribute("data-id"));
		waitFor(claire).until(d -> first.equals(attr(d, "conversation-body", "data-item")));
		body.sendKeys("j");
		waitFor(claire).until(d -> !first.equals(attr(d, "conversation-body", "data-item")));
		String second = attr(claire, "conversation-body", "data-item");
		body.sendKeys("k");
		waitFor(claire).until(d -> first.equals(attr(d, "conversation-body", "data-item")));
		body.sendKeys("r");
		waitFor(claire).until(d -> "reply-text".equals(d.switchTo().activeElement().getAttribute("id")));
		claire.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		claire.findElement(By.tagName("body")).sendKeys("e");
		waitFor(claire).until(d -> "done".equals(attr(d, "item-status", "data-status")));
		claire.findElement(By.tagName("body")).sendKeys("?");
		waitFor(claire).until(ExpectedConditions.visibilityOfElementLocated(By.id("help")));
		assertThat(claire.findElement(By.id("help")).getText()).contains("Élément suivant");
		claire.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		waitFor(claire).until(ExpectedConditions.invisibilityOfElementLocated(By.id("help")));
		assertThat(second).isNotEqualTo(first);
		jdbc.sql("UPDATE items SET status = 'OPEN'").update();
	}

	@Test
	void refreshesARowInPlaceWhenSomeoneElseTriagesIt() {
		String id = jdbc.sql("SELECT id FROM items WHERE text LIKE 'Les candidates%'").query(String.class).single();
		claire.get(url("/inbox"));
		InboxPages.waitForStream(claire);
		List<String> before = rowIds(claire);
		assertThat(before).contains(id);
		camille.get(url("/inbox?item=" + id));
		waitFor(camille).until(d -> id.equals(attr(d, "conversation-body", "data-item")));
		camille.findElement(By.tagName("body")).sendKeys("e");
		waitFor(camille).until(d -> "done".equals(attr(d, "item-status", "data-status")));
		waitFor(claire).until(d -> d.findElement(By.id("row-" + id)).getAttribute("class").contains("status-done"));
		String row = waitFor(claire).until(d -> d.findElement(By.id("row-" + id)).getText());
		assertThat(row).contains("Traité");
		assertThat(rowIds(claire)).as("the row changes where it stands; nothing moves").isEqualTo(before);
		assertThat(claire.findElement(By.id("new-items")).isDisplayed()).isFalse();
		jdbc.sql("UPDATE items SET status = 'OPEN'").update();
	}

	@Test
	void speaksFrenchAndEnglish() {
		claire.get(url("/inbox"));
		InboxPages.waitForStream(claire);
		assertThat(claire.findElement(By.tagName("h1")).getText()).isEqualTo("Boîte de réception");
		assertThat(claire.findElement(By.id("filters")).getText()).contains("Réseau", "Tonalité");
		claire.findElement(By.id("lang-switch")).click();
		waitFor(claire).until(ExpectedConditions.textToBe(By.id("logout"), "Sign out"));
		claire.get(url("/inbox"));
		waitFor(claire).until(ExpectedConditions.textToBe(By.tagName("h1"), "Inbox"));
		assertThat(claire.findElement(By.id("filters")).getText()).contains("Network", "Sentiment");
		claire.findElement(By.id("lang-switch")).click();
		waitFor(claire).until(ExpectedConditions.textToBe(By.id("logout"), "Se déconnecter"));
	}

	private IncomingItem incoming(String id, String text) {
		return new IncomingItem(ItemId.of(id), Network.INSTAGRAM, "live-" + id, ItemKind.MENTION, workspaces.current(),
				ShowId.of(show.id().toString()), AccountId.of(account),
				new Author(Network.INSTAGRAM, "u-fan", "marie_l", "Marie L.", 1200L, false, null, null), text, null,
				Instant.now(), null, null, false, false, null, Annotations.NONE);
	}

	private void signIn(WebDriver browser, String email, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
	}

	private static WebDriverWait waitFor(WebDriver browser) {
		return Browsers.waitFor(browser);
	}

	/** The ids of the rows in order, read again if a row was refreshed while being read. */
	private static List<String> rowIds(WebDriver browser) {
		return waitFor(browser).until(d -> rows(d).stream().map(r -> r.getAttribute("data-id")).toList());
	}

	private static Object js(WebDriver browser, String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private static List<WebElement> rows(WebDriver browser) {
		return browser.findElements(By.cssSelector("#rows li.item"));
	}

	private static String text(WebDriver browser, String id) {
		List<WebElement> found = browser.findElements(By.id(id));
		return found.isEmpty() ? "" : found.get(0).getText();
	}

	private static String attr(WebDriver browser, String id, String name) {
		List<WebElement> found = browser.findElements(By.id(id));
		return found.isEmpty() ? null : found.get(0).getAttribute(name);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
