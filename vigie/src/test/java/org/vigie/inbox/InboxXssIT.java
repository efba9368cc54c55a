package org.vigie.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigie.SharedData;
import org.vigie.shared.Network;
import org.vigie.storage.TestDirs;
import org.vigie.web.Browsers;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Hostile texts from networks, shown in a real browser: the sanitisation cases of the feedparser
 * test suite and the classic script, event-handler, {@code javascript:}, SVG, mXSS and htmx-attribute
 * payloads, as item texts, author names and links. None may run, and none may become an element.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ActiveProfiles("it")
class InboxXssIT {

	static final Path DATA = TestDirs.create("inbox-xss");

	static final List<String> CLASSIC = List.of(
			"<script>window.__xss.push('script')</script>",
			"<img src=x onerror=\"window.__xss.push('img')\">",
			"<svg onload=\"window.__xss.push('svg')\"></svg>",
			"<svg><script>window.__xss.push('svg-script')</script></svg>",
			"<a href=\"javascript:window.__xss.push('js-link')\">clic</a>",
			"javascript:window.__xss.push('bare')",
			"\"><script>window.__xss.push('attr')</script>",
			"'><img src=x onerror=window.__xss.push('attr2')>",
			"</textarea><script>window.__xss.push('textarea')</script>",
			"<iframe src=\"javascript:window.__xss.push('iframe')\"></iframe>",
			"<body onload=window.__xss.push('body')>",
			"<div hx-get=\"/logout\" hx-trigger=\"load\" hx-swap=\"outerHTML\">htmx</div>",
			"<math><mtext><table><mglyph><style><img src=x onerror=window.__xss.push('mxss')>",
			"<details open ontoggle=window.__xss.push('details')>",
			"<input autofocus onfocus=window.__xss.push('focus')>",
			"<object data=\"javascript:window.__xss.push('object')\"></object>",
			"https://example.org/\"onmouseover=\"window.__xss.push('url')\"",
			"<style>*{display:none}</style>",
			"${7*7} {{7*7}} @{7*7}",
			"<a href=\"https://evil.example\" target=\"_self\">phish</a>");

	@LocalServerPort
	int port;

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@Autowired
	JdbcClient jdbc;

	WebDriver browser;

	final List<String> classicIds = new ArrayList<>();

	final List<String> feedIds = new ArrayList<>();

	int total;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("vigie.storage.data-dir", DATA::toString);
		registry.add("vigie.inbox.page-size", () -> "200");
	}

	@BeforeAll
	void seed() throws IOException {
		User root = team.createFirstAdmin("claire@prod.example", "Claire", "une phrase assez longue");
		var show = shows.create(new Actor(root.id(), root.email(), root.role(), Set.of()), "Les Reines du Shopping");
		InboxFixtures f = new InboxFixtures(jdbc);
		String s = show.id().toString();
		String account = f.account(s, Network.RSS, "feeds");
		String hostile = f.author(Network.X, "\"><svg onload=window.__xss.push('handle')>",
				"<img src=x onerror=window.__xss.push('author')>", 10);
		jdbc.sql("UPDATE authors SET profile_url = ? WHERE id = ?").params("javascript:window.__xss.push('profile')", hostile)
			.update();
		String plain = f.author(Network.RSS, "feed", "Un flux", 0);
		Instant at = Instant.parse("2026-11-01T10:00:00Z");
		int n = 0;
		for (String payload : CLASSIC) {
			classicIds.add(f.item(InboxFixtures.Seed.of(Network.X, s, account, hostile, payload, at.plusSeconds(n++))
				.url("javascript:window.__xss.push('item-url')")));
		}
		for (String payload : feedparserPayloads()) {
			feedIds.add(f.item(InboxFixtures.Seed.of(Network.RSS, s, account, plain, payload, at.minusSeconds(n++))));
		}
		total = classicIds.size() + feedIds.size();
		browser = Browsers.chromium();
		((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.__xss = [];
				['alert', 'confirm', 'prompt', 'print'].forEach(function (f) { window[f] = function (m) { window.__xss.push(f + ':' + m); }; });
				document.addEventListener('securitypolicyviolation', function (e) { window.__xss.push('csp:' + e.violatedDirective + ':' + e.sample); });
				"""));
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("claire@prod.example");
		browser.findElement(By.id("password")).sendKeys("une phrase assez longue");
		browser.findElement(By.id("login-submit")).click();
		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
	}

	@AfterAll
	void close() {
		browser.quit();
	}

	@Test
	void showsEveryHostileTextAsTextInTheStream() {
		assertThat(feedIds).as("payloads read from feedparser's sanitize cases").hasSizeGreaterThan(500);
		browser.get(url("/inbox"));
		Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("rows")));
		// Scrolling the "more" row into view loads the next page; if a page did not come (a slow
		// machine), the person clicks it, as the row invites to.
		for (int i = 0; i < 40 && count("#rows li.item") < total; i++) {
			js("var more = document.querySelector('#rows li.more'); if (more) more.scrollIntoView();");
			int before = count("#rows li.item");
			try {
				new WebDriverWait(browser, Duration.ofSeconds(15))
					.until(d -> count("#rows li.item") > before || count("#rows li.more") == 0);
			}
			catch (TimeoutException stalled) {
				js("var more = document.querySelector('#rows li.more:not(.htmx-request)'); if (more) more.click();");
			}
		}
		assertThat(count("#rows li.item")).isEqualTo(total);
		assertNothingRanOrWasInjected();
		String first = browser.findElement(By.cssSelector("#row-" + classicIds.get(0) + " .excerpt")).getText();
		assertThat(first).isEqualTo(CLASSIC.get(0));
		String author = browser.findElement(By.cssSelector("#row-" + classicIds.get(0) + " .author")).getText();
		assertThat(author).isEqualTo("<img src=x onerror=window.__xss.push('author')>");
	}

	@Test
	void showsEveryHostileTextAsTextInTheConversation() {
		List<String> sample = new ArrayList<>(classicIds);
		for (int i = 0; i < feedIds.size(); i += 40) {
			sample.add(feedIds.get(i));
		}
		for (String id : sample) {
			browser.get(url("/inbox?item=" + id));
			Browsers.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("conversation-body")));
			assertNothingRanOrWasInjected();
		}
		browser.get(url("/inbox?item=" + classicIds.get(1)));
		assertThat(browser.findElement(By.cssSelector("#msg-" + classicIds.get(1) + " .text")).getText())
			.isEqualTo(CLASSIC.get(1));
		assertThat(browser.findElements(By.xpath("//a[contains(text(), 'Voir sur le réseau')]")))
			.as("a javascript: link of an item is not offered").isEmpty();
		assertThat(browser.findElements(By.xpath("//a[text()='Profil']"))).as("nor a javascript: profile").isEmpty();
	}

	@Test
	void givesLinksFromNetworksNoOpenerNoReferrerNoFollow() {
		String id = classicIds.get(16);
		browser.get(url("/inbox?item=" + id));
		var links = browser.findElements(By.cssSelector("#msg-" + id + " .text a"));
		assertThat(links).hasSize(1);
		assertThat(links.get(0).getAttribute("href")).isEqualTo("https://example.org/");
		assertThat(links.get(0).getAttribute("rel")).isEqualTo("noopener noreferrer nofollow");
		assertThat(links.get(0).getAttribute("target")).isEqualTo("_blank");
		assertNothingRanOrWasInjected();
	}

	private void assertNothingRanOrWasInjected() {
		assertThat(js("return window.__xss.join('\\n')")).as("scripts run or blocked by CSP").isEqualTo("");
		assertThat(browser.getCurrentUrl()).contains("/inbox");
		Object injected = js("""
				var bad = [];
				document.querySelectorAll('.excerpt *, .msg .text *, .author *, #author-name *, .history *').forEach(function (e) {
				  var ok = e.tagName === 'A' && e.getAttribute('rel') === 'noopener noreferrer nofollow' && /^https?:/.test(e.getAttribute('href'))
				    && e.children.length === 0;
				  var history = e.closest('.history') && (e.matches('.history > li, .history > li > a, .history a > *, .history .excerpt'));
				  if (!ok && !history) bad.push(e.outerHTML.substring(0, 120));
				});
				document.querySelectorAll('*').forEach(function (e) {
				  for (var i = 0; i < e.attributes.length; i++) {
				    var a = e.attributes[i];
				    if (/^on/i.test(a.name)) bad.push('handler ' + a.name + ' on ' + e.tagName);
				    if (/^\\s*javascript:/i.test(a.value)) bad.push('javascript: in ' + a.name + ' on ' + e.tagName);
				  }
				});
				['script', 'iframe', 'object', 'embed', 'svg', 'math', 'details', 'body body', 'style'].forEach(function (t) {
				  document.querySelectorAll('#main ' + t).forEach(function (e) {
				    if (!(t === 'script' && /^.js.[a-z]+[.]js$/.test(e.getAttribute('src') || ''))) bad.push('element ' + t);
				  });
				});
				return bad.join('\\n');""");
		assertThat(injected).as("elements or attributes injected").isEqualTo("");
	}

	/** The escaped HTML of feedparser's sanitisation cases, as a feed would hand it to us. */
	static List<String> feedparserPayloads() throws IOException {
		Path dir = SharedData.path("feedparser-tests/wellformed/sanitize");
		List<String> out = new ArrayList<>();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setExpandEntityReferences(false);
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
				try {
					var doc = factory.newDocumentBuilder().parse(file.toFile());
					collect(doc.getDocumentElement(), out);
				}
				catch (Exception e) {
					// A case this parser rejects is skipped; the others are plenty.
				}
			}
		}
		return out;
	}

	private static void collect(Element element, List<String> out) {
		NodeList children = element.getChildNodes();
		boolean leaf = true;
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
				leaf = false;
				collect((Element) children.item(i), out);
			}
		}
		String text = element.getTextContent();
		if (leaf && text != null && text.contains("<")) {
			out.add(text.strip());
		}
	}

	private int count(String css) {
		return browser.findElements(By.cssSelector(css)).size();
	}

	private Object js(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
