package org.vigie.trends;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts in the app, live: every open trends page holds a Server-Sent Events connection and
 * receives the alerts of the shows its user may see, as JSON that the page renders as text (the
 * samples are untrusted). Thread-safe.
 */
@Component
@Order(1)
public class LiveAlerts implements AlertChannel {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private record Listener(SseEmitter emitter, Set<String> shows, boolean all) {
	}

	private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

	/** Opens a live connection for a page that may see {@code shows} (or every show). */
	public SseEmitter open(String id, Set<String> shows, boolean all) {
		SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		listeners.put(id, new Listener(emitter, Set.copyOf(shows), all));
		emitter.onCompletion(() -> listeners.remove(id));
		emitter.onTimeout(() -> listeners.remove(id));
		emitter.onError(e -> listeners.remove(id));
		return emitter;
	}

	@Override
	public String name() {
		return "app";
	}

	@Override
	public boolean sendsUpdates() {
		return true;
	}

	@Override
	public boolean respectsQuietHours() {
		return false;
	}

	@Override
	public String deliver(AlertMessage message, AlertRule rule, String what) {
		Map<String, Object> data = new LinkedHashMap<>();
		Trend t = message.trend();
		data.put("id", t.id());
		data.put("show", t.show());
		data.put("kind", t.kind().name());
		data.put("what", what);
		data.put("subject", message.subject());
		data.put("terms", t.terms());
		data.put("link", message.link());
		String json = JSON.writeValueAsString(data);
		int sent = 0;
		for (Map.Entry<String, Listener> e : listeners.entrySet()) {
			Listener l = e.getValue();
			if (l.all() || (t.show() != null && l.shows().contains(t.show()))) {
				try {
					l.emitter().send(SseEmitter.event().name("trend").data(json));
					sent++;
				}
				catch (IOException | IllegalStateException ex) {
					listeners.remove(e.getKey());
				}
			}
		}
		return sent > 0 ? "sent" : "stored";
	}

	/** Keeps connections alive through proxies and finds the dead ones. */
	@Scheduled(fixedDelayString = "PT20S", initialDelayString = "PT20S")
	void heartbeat() {
		for (Map.Entry<String, Listener> e : listeners.entrySet()) {
			try {
				e.getValue().emitter().send(SseEmitter.event().name("ping").data(""));
			}
			catch (IOException | IllegalStateException ex) {
				listeners.remove(e.getKey());
			}
		}
	}
}
