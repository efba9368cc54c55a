package org.vigie.inbox;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigie.connectors.Actions;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorException;
import org.vigie.shared.AccountId;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Actor;
import org.vigie.workspace.AuditLog;

/**
 * Like, hide and delete an item on its network, through the connector of its account, where the
 * network allows it. Hiding and deleting are audited.
 */
@Service
public class ItemActions {

	private final JdbcClient jdbc;

	private final InboxQuery query;

	private final Connections connectors;

	private final Capabilities capabilities;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ItemActions(JdbcClient jdbc, InboxQuery query, Connections connectors, Capabilities capabilities, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.query = query;
		this.connectors = connectors;
		this.capabilities = capabilities;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Does {@code action} on the item through its network.
	 * @throws IllegalStateException with the reason in words (a message key or the network's message) if it cannot be done
	 */
	public void perform(Actor actor, String itemId, Capability action) {
		InboxItem item = query.find(Visibility.of(actor), itemId).orElseThrow(() -> new NotFoundException("inbox.item-unknown"));
		actor.requireWrite();
		capabilities.refusal(item, action).ifPresent(reason -> {
			throw new IllegalStateException(reason);
		});
		Optional<Actions> actions = connectors.actions(AccountId.of(item.accountId()));
		if (actions.isEmpty()) {
			throw new IllegalStateException("inbox.action.no-connector");
		}
		try {
			switch (action) {
				case LIKE -> {
					actions.get().like(item.externalId());
					jdbc.sql("UPDATE items SET liked = ? WHERE id = ?").params(true, itemId).update();
				}
				case HIDE -> {
					actions.get().hide(item.externalId(), !item.hidden());
					jdbc.sql("UPDATE items SET hidden = ? WHERE id = ?").params(!item.hidden(), itemId).update();
					audit.record(actor.auditActor(), item.hidden() ? "item.unhidden" : "item.hidden", "item", itemId,
							item.network().id() + " " + item.externalId());
				}
				case DELETE -> {
					actions.get().delete(item.externalId());
					jdbc.sql("UPDATE items SET deleted_at = ? WHERE id = ?").params(clock.millis(), itemId).update();
					audit.record(actor.auditActor(), "item.deleted", "item", itemId, item.network().id() + " " + item.externalId());
				}
				default -> throw new IllegalArgumentException("Not an item action: " + action);
			}
		}
		catch (ConnectorException e) {
			throw new IllegalStateException(Replies.reason(e), e);
		}
		events.publishEvent(new Triage.ItemChanged(itemId, action.name().toLowerCase(Locale.ROOT)));
	}
}
