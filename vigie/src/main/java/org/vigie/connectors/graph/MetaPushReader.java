package org.vigie.connectors.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Feed;
import org.vigie.connectors.PushedEvent;
import org.vigie.connectors.PushReader;
import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.ItemKind;

/**
 * What Facebook's and Instagram's webhook deliveries share: the {@code {object, entry[]}} envelope
 * with {@code changes[]} or {@code messaging[]} (Messenger, for both). Subclasses map the changes.
 */
public abstract class MetaPushReader implements PushReader {

	/** The value of {@code object} this network sends ({@code page}, {@code instagram}). */
	protected abstract String object();

	/** The events of one change of entry {@code accountId} ({@code field} and {@code value}). */
	protected abstract List<PushedEvent> change(String accountId, String field, JsonNode value, Instant entryTime);

	@Override
	public List<PushedEvent> read(String body) {
		JsonNode root;
		try {
			root = JsonHttp.parse(body);
		}
		catch (ConnectorException.Unavailable e) {
			throw new IllegalArgumentException("Not JSON", e);
		}
		if (!object().equals(JsonHttp.text(root, "object"))) {
			throw new IllegalArgumentException("Not a delivery for object " + object());
		}
		List<PushedEvent> events = new ArrayList<>();
		for (JsonNode entry : root.path("entry")) {
			String accountId = JsonHttp.text(entry, "id", "");
			Instant time = epoch(entry.path("time").asLong(0));
			for (JsonNode change : entry.path("changes")) {
				events.addAll(change(accountId, JsonHttp.text(change, "field", ""), change.path("value"), time));
			}
			for (JsonNode messaging : entry.path("messaging")) {
				PushedEvent message = message(accountId, messaging);
				if (message != null) {
					events.add(message);
				}
			}
		}
		return events;
	}

	/** A Messenger (or Instagram Messaging) message; echoes of our own messages are ours. */
	private @Nullable PushedEvent message(String accountId, JsonNode messaging) {
		JsonNode message = messaging.path("message");
		String mid = JsonHttp.text(message, "mid");
		if (mid == null) {
			return null;
		}
		String sender = JsonHttp.text(messaging.path("sender"), "id", "");
		String recipient = JsonHttp.text(messaging.path("recipient"), "id", "");
		boolean fromUs = sender.equals(accountId) || message.path("is_echo").asBoolean(false);
		String fan = fromUs ? recipient : sender;
		RemoteItem item = new RemoteItem(mid, ItemKind.DIRECT_MESSAGE,
				new RemoteAuthor(sender, null, null, null, false, null, null), JsonHttp.text(message, "text", ""), null,
				epoch(messaging.path("timestamp").asLong(0)), null, "dm:" + accountId + ":" + fan, fromUs, Map.of(),
				messaging.toString());
		return PushedEvent.of(accountId, Feed.Kind.MESSAGES, "message:" + mid, item);
	}

	/** Meta sends seconds in some places and milliseconds in others (messaging). */
	protected static Instant epoch(long value) {
		return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
	}
}
