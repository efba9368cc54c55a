package org.vigie.inbox;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.vigie.web.Browsers;

/** What the inbox's browser tests do the way a person would, whatever the page re-renders meanwhile. */
final class InboxPages {

	private InboxPages() {
	}

	/**
	 * Waits until the inbox page's event stream is connected ({@code data-live="open"}): what happens
	 * from then on (a new item, someone's triage) reaches the page.
	 */
	static void waitForStream(WebDriver browser) {
		Browsers.waitFor(browser)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox[data-live='open'] #stream")));
	}

	/**
	 * Sends a reply from the open conversation. The conversation may be re-rendered meanwhile (SSE
	 * "changed" after an earlier reply): the text is then typed again into the new reply box, and
	 * Send is clicked only once the box on the page holds the text.
	 */
	static void send(WebDriver browser, String text) {
		Browsers.waitFor(browser).until(d -> {
			WebElement box = d.findElement(By.id("reply-text"));
			if (!text.equals(box.getDomProperty("value"))) {
				box.clear();
				box.sendKeys(text);
				return false;
			}
			d.findElement(By.id("reply-send")).click();
			return true;
		});
	}
}
