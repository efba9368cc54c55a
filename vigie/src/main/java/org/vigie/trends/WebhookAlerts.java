package org.vigie.trends;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts by incoming webhook, in the JSON both Slack and Mattermost accept: {@code text} (with
 * their link syntax {@code <url|label>}) and {@code username}, in the rule's webhook language. The message body is plain text;
 * {@code <}, {@code >} and {@code &} of untrusted samples are escaped as Slack asks.
 */
@Component
@Order(3)
class WebhookAlerts implements AlertChannel {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final TrendsSettings settings;

	WebhookAlerts(TrendsSettings settings) {
		this.settings = settings;
		this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout()).build();
	}

	@Override
	public String name() {
		return "webhook";
	}

	@Override
	public boolean sendsUpdates() {
		return true;
	}

	@Override
	public boolean respectsQuietHours() {
		return true;
	}

	@Override
	public String deliver(Function<Locale, AlertMessage> messages, AlertRule rule, String what)
			throws AlertDeliveryException {
		if (rule.webhookUrl() == null) {
			return "skipped";
		}
		AlertMessage message = messages.apply(rule.webhookLocale());
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("username", "Vigie");
		String title = ("updated".equals(what) ? ":arrow_up: " : ":rotating_light: ") + "*" + escape(message.subject())
				+ "*";
		payload.put("text", title + "\n" + escape(message.body()) + "\n<" + message.link() + "|"
				+ escape(message.showName()) + ">");
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(rule.webhookUrl()))
				.timeout(settings.webhookTimeout())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload)))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new AlertDeliveryException("HTTP " + response.statusCode());
			}
			return "sent";
		}
		catch (IOException | IllegalArgumentException e) {
			throw new AlertDeliveryException("webhook: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AlertDeliveryException("interrupted", e);
		}
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
