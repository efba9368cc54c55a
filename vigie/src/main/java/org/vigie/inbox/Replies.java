package org.vigie.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigie.connectors.Actions;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorException;
import org.vigie.shared.AccountId;
import org.vigie.shared.Ids;
import org.vigie.shared.Reason;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Actor;
import jakarta.annotation.PreDestroy;

/**
 * Our replies to items, sent through the connector of the item's account. A reply is stored
 * {@link ReplyState#SENDING} first, then delivered on a background thread; it ends
 * {@link ReplyState#SENT} with the network's id, or {@link ReplyState#FAILED} with the reason in the
 * network's words, and a failed reply can be retried with the same idempotency key (so that a retry
 * after a lost answer does not post twice). Publishes {@link Triage.ItemChanged} on every change.
 */
@Service
public class Replies {

	private static final Logger log = LoggerFactory.getLogger(Replies.class);

	static final int MAX_LENGTH = 5000;

	private final JdbcClient jdbc;

	private final InboxQuery query;

	private final Connections connectors;

	private final Capabilities capabilities;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
		Thread t = new Thread(r, "inbox-reply");
		t.setDaemon(true);
		return t;
	});

	Replies(JdbcClient jdbc, InboxQuery query, Connections connectors, Capabilities capabilities,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.query = query;
		this.connectors = connectors;
		this.capabilities = capabilities;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores a reply to the item and starts sending it.
	 * @throws org.springframework.security.access.AccessDeniedException if the actor may not write
	 * @throws NotFoundException if the item does not exist or the actor may not see it
	 * @throws IllegalArgumentException if the text is blank or too long
	 */
	public Reply send(Actor actor, String itemId, String userName, String text) {
		InboxItem item = query.find(Visibility.of(actor), itemId).orElseThrow(() -> new NotFoundException("inbox.item-unknown"));
		actor.requireWrite();
		String clean = text.strip();
		if (clean.isEmpty()) {
			throw new IllegalArgumentException("inbox.reply.empty");
		}
		if (clean.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("inbox.reply.too-long");
		}
		String id = Ids.next().toString();
		long now = clock.millis();
		jdbc.sql("""
				INSERT INTO inbox_replies (id, item_id, user_id, user_name, text, state, idempotency_key, attempts, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(id, item.id(), actor.id().toString(), userName, clean, ReplyState.SENDING.name(), Ids.next().toString(),
					now, now)
			.update();
		events.publishEvent(new Triage.ItemChanged(item.id(), "reply"));
		// Read before delivery starts: the caller is told "sending", whatever the network answers next.
		Reply stored = find(id).orElseThrow();
		executor.execute(() -> deliver(id));
		return stored;
	}

	/**
	 * Sends a failed reply again, with its original idempotency key.
	 * @throws IllegalStateException if the reply is not {@link ReplyState#FAILED}
	 */
	public Reply retry(Actor actor, String replyId) {
		Reply reply = find(replyId).orElseThrow(() -> new NotFoundException("inbox.reply.unknown"));
		query.find(Visibility.of(actor), reply.itemId()).orElseThrow(() -> new NotFoundException("inbox.reply.unknown"));
		actor.requireWrite();
		int changed = jdbc.sql("UPDATE inbox_replies SET state = ?, reason = NULL, updated_at = ? WHERE id = ? AND state = ?")
			.params(ReplyState.SENDING.name(), clock.millis(), replyId, ReplyState.FAILED.name())
			.update();
		if (changed == 0) {
			throw new IllegalStateException("inbox.reply.not-failed");
		}
		events.publishEvent(new Triage.ItemChanged(reply.itemId(), "reply"));
		Reply sending = find(replyId).orElseThrow();
		executor.execute(() -> deliver(replyId));
		return sending;
	}

	/** One reply, whoever may see it: callers check the item's visibility. */
	public Optional<Reply> find(String replyId) {
		return jdbc.sql("SELECT id, item_id, user_name, text, state, reason, external_id, attempts, created_at FROM inbox_replies WHERE id = ?")
			.param(replyId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Our replies to the given items, oldest first. */
	public List<Reply> ofItems(List<String> itemIds) {
		if (itemIds.isEmpty()) {
			return List.of();
		}
		String marks = String.join(", ", Collections.nCopies(itemIds.size(), "?"));
		return jdbc.sql("SELECT id, item_id, user_name, text, state, reason, external_id, attempts, created_at FROM inbox_replies WHERE item_id IN ("
				+ marks + ") ORDER BY created_at, id")
			.params(List.copyOf(itemIds))
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Sends one reply now, on the calling thread; records the outcome. */
	void deliver(String replyId) {
		Reply reply = find(replyId).orElse(null);
		if (reply == null || reply.state() != ReplyState.SENDING) {
			return;
		}
		jdbc.sql("UPDATE inbox_replies SET attempts = attempts + 1 WHERE id = ?").param(replyId).update();
		String key = jdbc.sql("SELECT idempotency_key FROM inbox_replies WHERE id = ?").param(replyId).query(String.class).single();
		try {
			InboxItem item = query.find(Visibility.EVERYTHING, reply.itemId()).orElseThrow(() -> new IllegalStateException("inbox.item-unknown"));
			Optional<String> refusal = capabilities.refusal(item, Capability.REPLY);
			if (refusal.isPresent()) {
				fail(reply, refusal.get());
				return;
			}
			Optional<Actions> actions = connectors.actions(AccountId.of(item.accountId()));
			if (actions.isEmpty()) {
				fail(reply, "inbox.action.no-connector");
				return;
			}
			String externalId = actions.get().reply(item.externalId(), reply.text(), key);
			jdbc.sql("UPDATE inbox_replies SET state = ?, external_id = ?, reason = NULL, updated_at = ? WHERE id = ?")
				.params(ReplyState.SENT.name(), externalId, clock.millis(), replyId)
				.update();
			events.publishEvent(new Triage.ItemChanged(reply.itemId(), "reply"));
		}
		catch (ConnectorException e) {
			fail(reply, reason(e));
		}
		catch (RuntimeException e) {
			log.warn("Reply {} failed unexpectedly", replyId, e);
			fail(reply, "inbox.reply.unexpected");
		}
	}

	/**
	 * The failure for people, {@link Reason#encode() encoded} (the page puts it into the reader's
	 * words): the connector's reason, with when to retry if the network said.
	 */
	static String reason(ConnectorException e) {
		Reason reason = e.reason().plain() && ((String) e.reason().args().get(0)).isBlank()
				? Reason.words(e.getClass().getSimpleName()) : e.reason();
		if (e instanceof ConnectorException.RateLimited limited) {
			return Reason.of("inbox.reply.retry-after", reason, limited.retryAt().truncatedTo(ChronoUnit.SECONDS).toString())
				.encode();
		}
		return reason.encode();
	}

	private void fail(Reply reply, String reason) {
		jdbc.sql("UPDATE inbox_replies SET state = ?, reason = ?, updated_at = ? WHERE id = ?")
			.params(ReplyState.FAILED.name(), Reason.decode(reason).encode(2000), clock.millis(),
					reply.id())
			.update();
		events.publishEvent(new Triage.ItemChanged(reply.itemId(), "reply"));
	}

	private static Reply map(ResultSet rs) throws SQLException {
		return new Reply(rs.getString("id"), rs.getString("item_id"), rs.getString("user_name"), rs.getString("text"),
				ReplyState.valueOf(rs.getString("state")), rs.getString("reason"), rs.getString("external_id"),
				rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("created_at")));
	}

	@PreDestroy
	void stop() {
		executor.shutdown();
	}
}
