package org.vigie.connectors.x;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Feed;
import org.vigie.connectors.PushedEvent;
import org.vigie.connectors.PushReader;
import org.vigie.connectors.RemoteAuthor;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;

/**
 * X webhook deliveries: Account Activity API events ({@code for_user_id} with
 * {@code tweet_create_events} in the v1.1 tweet format, {@code direct_message_events}) and X
 * Activity API envelopes ({@code data.event_type} {@code post.mention.create},
 * {@code post.reply.create}…, v2 payload with {@code includes.users}). Ids are the same as the v2
 * API's, so a pushed post and the same post polled are one item.
 */
@Component
class XPushReader implements PushReader {

	private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy",
			Locale.ROOT);

	@Override
	public Network network() {
		return Network.X;
	}

	@Override
	public List<PushedEvent> read(String body) {
		JsonNode root;
		try {
			root = JsonHttp.parse(body);
		}
		catch (ConnectorException.Unavailable e) {
			throw new IllegalArgumentException("Not JSON", e);
		}
		if (root.has("for_user_id")) {
			return accountActivity(root);
		}
		if (root.path("data").has("event_type")) {
			return activity(root.path("data"));
		}
		throw new IllegalArgumentException("Neither an Account Activity nor an X Activity delivery");
	}

	private List<PushedEvent> accountActivity(JsonNode root) {
		String me = JsonHttp.text(root, "for_user_id", "");
		List<PushedEvent> events = new ArrayList<>();
		for (JsonNode t : root.path("tweet_create_events")) {
			String id = JsonHttp.text(t, "id_str");
			if (id == null) {
				continue;
			}
			JsonNode user = t.path("user");
			String authorId = JsonHttp.text(user, "id_str", "unknown");
			String handle = JsonHttp.text(user, "screen_name");
			boolean fromUs = me.equals(authorId);
			String replyTo = JsonHttp.text(t, "in_reply_to_status_id_str");
			ItemKind kind = fromUs ? (replyTo == null ? ItemKind.POST : ItemKind.REPLY)
					: me.equals(JsonHttp.text(t, "in_reply_to_user_id_str")) ? ItemKind.REPLY : ItemKind.MENTION;
			String text = t.path("extended_tweet").has("full_text") ? t.path("extended_tweet").path("full_text").asString()
					: JsonHttp.text(t, "text", "");
			events.add(PushedEvent.of(me, fromUs ? Feed.Kind.OWN_POSTS : Feed.Kind.MENTIONS, "tweet:" + id,
					new RemoteItem(id, kind, new RemoteAuthor(authorId, handle, JsonHttp.text(user, "name"),
							JsonHttp.number(user, "followers_count"), user.path("verified").asBoolean(false), null,
							handle == null ? null : "https://x.com/" + handle),
							text, handle == null ? null : "https://x.com/" + handle + "/status/" + id, created(t), replyTo,
							null, fromUs, Map.of(), t.toString())));
		}
		for (JsonNode dm : root.path("direct_message_events")) {
			String id = JsonHttp.text(dm, "id");
			JsonNode create = dm.path("message_create");
			String sender = JsonHttp.text(create, "sender_id");
			if (id == null || sender == null) {
				continue;
			}
			String recipient = JsonHttp.text(create.path("target"), "recipient_id", "");
			Long ts = JsonHttp.number(dm, "created_timestamp");
			events.add(PushedEvent.of(me, Feed.Kind.MESSAGES, "dm:" + id,
					new RemoteItem(id, ItemKind.DIRECT_MESSAGE, new RemoteAuthor(sender, null, null, null, false, null, null),
							JsonHttp.text(create.path("message_data"), "text", ""), null,
							ts == null ? Instant.EPOCH : Instant.ofEpochMilli(ts), null,
							"dm:" + (me.equals(sender) ? recipient : sender), me.equals(sender), Map.of(), dm.toString())));
		}
		return events;
	}

	private List<PushedEvent> activity(JsonNode data) {
		String type = JsonHttp.text(data, "event_type", "");
		String me = JsonHttp.text(data.path("filter"), "user_id", "");
		JsonNode p = data.path("payload");
		String id = JsonHttp.text(p, "id");
		if (id == null || !(type.startsWith("post.mention") || type.startsWith("post.reply") || type.startsWith("post.quote"))) {
			return List.of();
		}
		String authorId = JsonHttp.text(p, "author_id", "unknown");
		JsonNode user = null;
		for (JsonNode u : data.path("includes").path("users")) {
			if (authorId.equals(JsonHttp.text(u, "id"))) {
				user = u;
			}
		}
		String handle = user == null ? null : JsonHttp.text(user, "username");
		String replyTo = null;
		for (JsonNode ref : p.path("referenced_tweets")) {
			if ("replied_to".equals(JsonHttp.text(ref, "type"))) {
				replyTo = JsonHttp.text(ref, "id");
			}
		}
		Instant created;
		try {
			created = Instant.parse(JsonHttp.text(p, "created_at", ""));
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("Unreadable created_at in X event " + id, e);
		}
		return List.of(PushedEvent.of(me, Feed.Kind.MENTIONS, "post:" + id,
				new RemoteItem(id, type.startsWith("post.reply") ? ItemKind.REPLY : ItemKind.MENTION,
						new RemoteAuthor(authorId, handle, user == null ? null : JsonHttp.text(user, "name"), null, false,
								null, handle == null ? null : "https://x.com/" + handle),
						JsonHttp.text(p, "text", ""), handle == null ? null : "https://x.com/" + handle + "/status/" + id,
						created, replyTo, JsonHttp.text(p, "conversation_id"), me.equals(authorId), Map.of(), p.toString())));
	}

	private static Instant created(JsonNode t) {
		Long ms = JsonHttp.number(t, "timestamp_ms");
		if (ms != null) {
			return Instant.ofEpochMilli(ms);
		}
		String at = JsonHttp.text(t, "created_at");
		try {
			return at == null ? Instant.EPOCH : ZonedDateTime.parse(at, V1_TIME).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("Unreadable created_at " + at, e);
		}
	}

}
