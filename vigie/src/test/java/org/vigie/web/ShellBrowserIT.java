package org.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigie.storage.TestDirs;
import org.vigie.workspace.FirstRunSetup;

/** A newcomer's first minutes, in a real browser: first-run setup, sign in, French shell, English, sign out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShellBrowserIT {

	static final Path DATA = TestDirs.create("browser-shell");

	@LocalServerPort
	int port;

	@Autowired
	FirstRunSetup setup;

	WebDriver browser;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("vigie.storage.data-dir", DATA::toString);
	}

	@BeforeEach
	void open() {
		browser = Browsers.chromium();
	}

	@AfterEach
	void close() {
		browser.quit();
	}

	@Test
	void anAddressThatCannotBeDecodedIsABadRequestSaidInWords() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login?error=%ff%fe")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("encodage invalide").doesNotContain("Character decoding failed");
	}

	@Test
	void firstRunSetupSignInLanguagesAndSignOut() {
		String setupUrl = setup.pendingSetupUrl().orElseThrow();
		assertThat(setupUrl).contains("/setup?token=");

		browser.get("http://localhost:" + port + "/settings");
		assertThat(browser.getCurrentUrl()).endsWith("/login");

		browser.get(setupUrl);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Premier démarrage");
		browser.findElement(By.id("email")).sendKeys("claire@prod.example");
		browser.findElement(By.id("name")).sendKeys("Claire");
		browser.findElement(By.id("password")).sendKeys("une phrase assez longue");
		browser.findElement(By.id("confirm")).sendKeys("une phrase assez longue");
		browser.findElement(By.id("setup-submit")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-notice"), "Votre compte est prêt"));
		assertThat(browser.getCurrentUrl()).contains("/login");
		browser.get(setupUrl);
		assertThat(browser.getPageSource()).as("the setup link works once").contains("pas valable");

		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys("claire@prod.example");
		browser.findElement(By.id("password")).sendKeys("une phrase assez longue");
		browser.findElement(By.id("login-submit")).click();

		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
		assertThat(browser.findElement(By.cssSelector(".mainnav")).getText()).contains("Réglages");
		assertThat(browser.findElement(By.id("logout")).getText()).isEqualTo("Se déconnecter");

		browser.findElement(By.id("lang-switch")).click();
		Browsers.waitFor(browser).until(ExpectedConditions.textToBe(By.id("logout"), "Sign out"));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(browser.findElement(By.cssSelector(".mainnav")).getText()).contains("Settings");

		browser.navigate().refresh();
		assertThat(browser.findElement(By.id("logout")).getText()).as("the choice is remembered").isEqualTo("Sign out");

		browser.findElement(By.id("logout")).click();
		Browsers.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-notice"), "déconnecté"));
		assertThat(browser.getCurrentUrl()).contains("/login");
		browser.get("http://localhost:" + port + "/settings");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
	}
}
