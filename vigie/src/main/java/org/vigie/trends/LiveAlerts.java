package org.vigie.trends;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts in the app, live: every open trends page holds a Server-Sent Events connection and
 * receives the alerts of the shows its user may see, in the user's language, as JSON that the page renders as text (the
 * samples are untrusted). Thread-safe.
 */
@Component
@Order(1)
public class LiveAlerts implements AlertChannel {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private record Listener(SseEmitter emitter, Set<String> shows, boolean all, Locale locale) {
	}

	private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

	/**
	 * Opens a live connection for a page that may see {@code shows} (or every show), whose user
	 * reads {@code locale}.
	 */
	public SseEmitter open(String id, Set<String> shows, boolean all, Locale locale) {
		SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		listeners.put(id, new Listener(emitter, Set.copyOf(shows), all, locale));
		emitter.onCompletion(() -> listeners.remove(id));
		emitter.onTimeout(() -> listeners.remove(id));
		emitter.onError(e -> listeners.remove(id));
		return emitter;
	}

	/** Vigie is stopping: end every live connection so that the graceful shutdown does not wait for them. */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		listeners.values().forEach(listener -> listener.emitter().complete());
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
	public String deliver(Function<Locale, AlertMessage> messages, AlertRule rule, String what) {
		Map<Locale, String> json = new HashMap<>();
		int sent = 0;
		for (Map.Entry<String, Listener> e : listeners.entrySet()) {
			Listener l = e.getValue();
			String show = messages.apply(l.locale()).trend().show();
			if (l.all() || (show != null && l.shows().contains(show))) {
				try {
					String data = json.computeIfAbsent(l.locale(), locale -> json(messages.apply(locale), what));
					l.emitter().send(SseEmitter.event().name("trend").data(data));
					sent++;
				}
				catch (IOException | IllegalStateException ex) {
					listeners.remove(e.getKey());
				}
			}
		}
		return sent > 0 ? "sent" : "stored";
	}

	private static String json(AlertMessage message, String what) {
		Map<String, Object> data = new LinkedHashMap<>();
		Trend t = message.trend();
		data.put("id", t.id());
		data.put("show", t.show());
		data.put("kind", t.kind().name());
		data.put("what", what);
		data.put("subject", message.subject());
		data.put("terms", t.terms());
		data.put("link", message.link());
		return JSON.writeValueAsString(data);
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
