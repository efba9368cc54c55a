package org.vigie.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vigie.ingest.IncomingItem;
import org.vigie.ingest.ItemsIngested;
import org.vigie.web.Messages;

/**
 * The live side of the inbox: one Server-Sent Events connection per open inbox tab. Announces newly
 * ingested items a tab may see as a count ({@code new-items}), without touching its list; tells the
 * people on an item who else is there ({@code presence}); and nudges tabs whose open item changed
 * ({@code changed}) and tabs whose list may hold a row someone triaged ({@code row}). Thread-safe: events come from ingestion threads and request threads.
 */
@Component
public class InboxStream {

	private static final Logger log = LoggerFactory.getLogger(InboxStream.class);

	/** The changes a row of the list shows. */
	private static final Set<String> ROW_CHANGES = Set.of("status", "assignee", "tags");

	private final Map<String, Tab> tabs = new ConcurrentHashMap<>();

	private final Presence presence;

	private final TemplateEngine templates;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	InboxStream(Presence presence, TemplateEngine templates, MessageSource messages, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.presence = presence;
		this.templates = templates;
		this.messages = messages;
	}

	/** Opens the stream of one tab of one user. The tab id comes from the page that opened it. */
	public SseEmitter open(String tab, String userId, Visibility visibility, Locale locale) {
		SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		Tab connection = new Tab(tab, userId, visibility, locale, emitter, new AtomicInteger());
		Tab previous = tabs.put(tab, connection);
		if (previous != null) {
			previous.emitter().complete();
		}
		Runnable gone = () -> {
			if (tabs.remove(tab, connection)) {
				presenceChanged(presence.leave(tab));
			}
		};
		emitter.onCompletion(gone);
		emitter.onTimeout(gone);
		emitter.onError(e -> gone.run());
		send(connection, "hello", "ok");
		// The tab may have reported its item before its stream connected: bring it up to date.
		String item = presence.itemOf(tab);
		if (item != null) {
			send(connection, "presence", renderPresence(item, userId, locale));
		}
		return emitter;
	}

	/**
	 * Vigie is stopping: end every stream now, so that the server's graceful shutdown does not wait
	 * for them (browsers reconnect by themselves).
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		tabs.values().forEach(tab -> tab.emitter().complete());
	}

	/** Counts for each tab the new items it may see. Called after ingestion committed. */
	@EventListener
	public void on(ItemsIngested event) {
		List<IncomingItem> forInbox = event.items().stream().filter(i -> !i.fromUs()).toList();
		if (forInbox.isEmpty()) {
			return;
		}
		for (Tab tab : tabs.values()) {
			long visible = forInbox.stream()
				.filter(i -> tab.visibility().sees(i.show() == null ? null : i.show().toString()))
				.count();
			if (visible > 0) {
				int total = tab.pending().addAndGet((int) visible);
				send(tab, "new-items", Integer.toString(total));
			}
		}
	}

	/** A tab reloaded its list: its count starts again from zero. */
	public void seen(String tab) {
		Tab t = tabs.get(tab);
		if (t != null) {
			t.pending().set(0);
		}
	}

	/**
	 * Tells the tabs showing an item that it changed, so they refresh it; and, when its status,
	 * assignee or tags changed, every tab that may see it ({@code row}, with the item's id), so that
	 * a list holding its row refreshes that row in place. After the change committed, so that what
	 * the tabs then read is the change.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	public void on(Triage.ItemChanged event) {
		for (Tab tab : tabs.values()) {
			if (event.itemId().equals(presence.itemOf(tab.id()))) {
				send(tab, "changed", event.what());
			}
		}
		if (ROW_CHANGES.contains(event.what()) && !tabs.isEmpty()) {
			Optional<String> show = jdbc.sql("SELECT show_id FROM items WHERE id = ?").param(event.itemId())
				.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
				.optional()
				.orElse(null);
			if (show == null) {
				return;
			}
			for (Tab tab : tabs.values()) {
				if (tab.visibility().sees(show.orElse(null))) {
					send(tab, "row", event.itemId());
				}
			}
		}
	}

	/** Sends each tab on these items the current list of the other people there. */
	public void presenceChanged(Collection<String> itemIds) {
		if (itemIds.isEmpty()) {
			return;
		}
		Set<String> items = Set.copyOf(itemIds);
		for (Tab tab : tabs.values()) {
			String item = presence.itemOf(tab.id());
			if (item != null && items.contains(item)) {
				send(tab, "presence", renderPresence(item, tab.userId(), tab.locale()));
			}
		}
	}

	/** The collision warning for one person on one item, as HTML (names escaped by the template). */
	public String renderPresence(String itemId, String userId, Locale locale) {
		StringOutput out = new StringOutput();
		templates.render("inbox/presence.jte",
				Map.of("others", presence.others(itemId, userId), "t", new Messages(messages, locale)), out);
		return out.toString();
	}

	/** Keeps connections alive through proxies, finds the dead ones, and expires silent presence. */
	@Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT15S")
	void heartbeat() {
		for (Tab tab : tabs.values()) {
			send(tab, "ping", "");
		}
		presenceChanged(presence.expire());
	}

	/** How many tabs are connected, for tests and metrics. */
	public int connected() {
		return tabs.size();
	}

	private void send(Tab tab, String name, String data) {
		try {
			synchronized (tab) {
				tab.emitter().send(SseEmitter.event().name(name).data(data));
			}
		}
		catch (IOException | IllegalStateException e) {
			log.debug("Tab {} gone: {}", tab.id(), e.toString());
			if (tabs.remove(tab.id(), tab)) {
				presenceChanged(presence.leave(tab.id()));
			}
		}
	}

	private record Tab(String id, String userId, Visibility visibility, Locale locale, SseEmitter emitter,
			AtomicInteger pending) {
	}
}
