package org.vigie.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigie.MutableClock;
import org.vigie.TestClockConfiguration;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.NewAccount;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.ingest.Ingestion;
import org.vigie.shared.Network;
import org.vigie.simulator.Faults;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;
import org.vigie.storage.TestDirs;
import org.vigie.web.Browsers;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

/**
 * The whole way, in a real browser: a fan mentions the show on the simulated X, the real ingest
 * runtime polls it through the real X connector over HTTP, the mention arrives live in the inbox;
 * the reply goes back through the connector and is seen in the simulator's state and in the
 * thread; a refusal of the network shows its reason and the retry goes through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxSimulatorIT {

	static final Path DATA = TestDirs.create("inbox-sim");

	@LocalServerPort
	int port;

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@Autowired
	Accounts accounts;

	@Autowired
	Simulator simulator;

	@Autowired
	Ingestion ingestion;

	@Autowired
	MutableClock clock;

	WebDriver browser;

	SimUser me;

	SimUser fan;

	SocialAccount account;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("vigie.storage.data-dir", DATA::toString);
	}

	@BeforeAll
	void connect() {
		User root = team.createFirstAdmin("claire@prod.example", "Claire", "une phrase assez longue");
		Show show = shows.create(new Actor(root.id(), root.email(), root.role(), Set.of()), "Pékin Express");
		me = simulator.world().addUser(Network.X, "pekinexpress_inbox", "Pékin Express", 250_000, true, "fr");
		fan = simulator.world().addUser(Network.X, "lea_voyage", "Léa", 321, false, "fr");
		SimAuth.Issued tokens = simulator.auth().issue(Network.X, me.id(), Duration.ofHours(2), true, clock.instant());
		account = accounts.connect(new NewAccount(show.id(), Network.X, me.handle(), me.id(), me.name(),
				simulator.baseUrl(Network.X), Map.of("access_token", tokens.accessToken(), "refresh_token", tokens.refreshToken()),
				tokens.expiresAt()));
		browser = Browsers.chromium();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("claire@prod.example");
		browser.findElement(By.id("password")).sendKeys("une phrase assez longue");
		browser.findElement(By.id("login-submit")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
	}

	@AfterAll
	void close() {
		browser.quit();
	}

	@Test
	void aSimulatedMentionArrivesLiveAndIsAnsweredThroughTheConnector() {
		browser.get(url("/inbox"));
		InboxPages.waitForStream(browser);

		SimPost mention = simulator.world().post(Network.X, fan, "@" + me.handle() + " l'étape en Mongolie était folle !",
				clock.instant(), null, null, "fr", null);
		clock.advance(Duration.ofSeconds(2));
		assertThat(ingestion.drain(account.id(), Feed.of(Feed.Kind.MENTIONS), 5)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);

		waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-items")));
		browser.findElement(By.id("new-items")).click();
		waitFor().until(d -> !rows().isEmpty() && rows().get(0).getText().contains("Mongolie"));
		Browsers.click(browser, By.cssSelector("#rows li.item a.open"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));

		InboxPages.send(browser, "Merci Léa, rendez-vous mardi !");
		waitFor().until(d -> !d.findElements(By.cssSelector("#thread .msg.ours[data-state='sent']")).isEmpty());
		List<SimPost> ours = simulator.world().postsBy(Network.X, me, clock.instant().plusSeconds(60));
		assertThat(ours).anySatisfy(p -> assertThat(p.text()).contains("Merci Léa, rendez-vous mardi !"));
		assertThat(ours).anySatisfy(p -> assertThat(p.toString()).contains(mention.id()));

		simulator.faults().inject(Network.X, new Faults.ServerError(503), 1);
		// The first reply's "sent" re-renders the conversation (SSE "changed"), perhaps while typing.
		InboxPages.send(browser, "Et bravo pour la photo");
		waitFor().until(d -> !d.findElements(By.cssSelector("#thread .msg.ours[data-state='failed']")).isEmpty());
		String failed = waitFor()
			.until(d -> d.findElement(By.cssSelector("#thread .msg.ours[data-state='failed'] .reason")).getText());
		assertThat(failed).startsWith("Échec").hasSizeGreaterThan("Échec : ".length() + 5);
		Browsers.click(browser, By.cssSelector("#thread .msg.ours[data-state='failed'] button.retry"));
		waitFor().until(d -> d.findElements(By.cssSelector("#thread .msg.ours[data-state='sent']")).size() == 2);
		assertThat(simulator.world().postsBy(Network.X, me, clock.instant().plusSeconds(60)))
			.anySatisfy(p -> assertThat(p.text()).contains("Et bravo pour la photo"));
	}

	private List<WebElement> rows() {
		return browser.findElements(By.cssSelector("#rows li.item"));
	}

	private WebDriverWait waitFor() {
		return Browsers.waitFor(browser);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
