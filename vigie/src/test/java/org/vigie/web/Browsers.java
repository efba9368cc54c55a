package org.vigie.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Selenium, for browser tests. Uses the machine's
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (installed by {@code .ci/run}), never
 * a downloaded browser; background networking is off so that nothing leaves the machine.
 * <p>
 * {@code -Dvigie.browser.latency-ms=N} delays every request of the browsers by N ms, as a slow
 * machine would (page loads, htmx swaps, the event stream's connection): a way to check, beside
 * running under load, that a test waits for what it reads rather than assuming it came.
 */
public final class Browsers {

	private Browsers() {
	}

	/** A new headless browser with a fresh profile. Quit it when done. */
	public static WebDriver chromium() {
		String driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
		String binary = firstExisting("/usr/bin/chromium", "/usr/lib/chromium/chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--disable-extensions", "--window-size=1280,900", "--lang=fr-FR");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(60))
			.build();
		ChromeDriver chrome = new ChromeDriver(service, options);
		chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
		long latency = Long.getLong("vigie.browser.latency-ms", 0);
		if (latency > 0) {
			ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
			slow.setLatency(Duration.ofMillis(latency));
			chrome.setNetworkConditions(slow);
		}
		return chrome;
	}

	/**
	 * A wait of up to sixty seconds: it returns as soon as the condition holds, and CI's two cores
	 * can be slow to render while other tests run. An element that went stale while the condition
	 * read it (the page was being replaced by a navigation or a swap) is read again on the next poll
	 * rather than failing the wait.
	 */
	public static WebDriverWait waitFor(WebDriver driver) {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * Clicks what {@code locator} finds, finding it again if it was re-rendered (a swap, a refresh)
	 * between being found and being clicked: a stale element was not clicked, so the click is the
	 * person's first and only one.
	 */
	public static void click(WebDriver driver, By locator) {
		waitFor(driver).until(d -> {
			d.findElement(locator).click();
			return true;
		});
	}

	private static String firstExisting(String... paths) {
		for (String path : paths) {
			if (Files.isExecutable(Path.of(path))) {
				return path;
			}
		}
		throw new IllegalStateException("Chromium not found (" + String.join(", ", paths)
				+ "): apt-get install chromium chromium-driver (.ci/run does it)");
	}
}
