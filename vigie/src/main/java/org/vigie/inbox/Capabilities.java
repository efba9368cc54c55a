package org.vigie.inbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.vigie.connectors.Capability;
import org.vigie.shared.ItemKind;

/**
 * What the inbox may do to an item through its network, from the connectors' declared
 * {@link org.vigie.connectors.ConnectorFactory#capabilities()}: an action a network does not allow is shown disabled with
 * the reason (a message key) on hover.
 */
@Component
public class Capabilities {

	private final Connections connections;

	Capabilities(Connections connections) {
		this.connections = connections;
	}

	/**
	 * Why {@code capability} is not possible on this item, as a message key; empty when it is.
	 */
	public Optional<String> refusal(InboxItem item, Capability capability) {
		if (item.deleted()) {
			return Optional.of("inbox.action.deleted");
		}
		if (item.accountId() == null) {
			return Optional.of("inbox.action.no-account");
		}
		Optional<Set<Capability>> allowed = connections.capabilities(item.network());
		if (allowed.isEmpty()) {
			return Optional.of("inbox.action.no-connector");
		}
		if (!allowed.get().contains(capability)) {
			return Optional.of("inbox.action.not-allowed." + capability.name().toLowerCase(Locale.ROOT));
		}
		if (capability == Capability.HIDE && item.kind() == ItemKind.DIRECT_MESSAGE) {
			return Optional.of("inbox.action.not-allowed.hide");
		}
		if (capability == Capability.DELETE && !item.mine() && item.kind() != ItemKind.COMMENT && item.kind() != ItemKind.REPLY) {
			return Optional.of("inbox.action.not-allowed.delete-others");
		}
		return Optional.empty();
	}

	/** The refusals of every action on this item, by capability; absent means allowed. */
	public Map<Capability, String> refusals(InboxItem item) {
		Map<Capability, String> out = new EnumMap<>(Capability.class);
		for (Capability c : List.of(Capability.REPLY, Capability.LIKE, Capability.HIDE, Capability.DELETE)) {
			refusal(item, c).ifPresent(r -> out.put(c, r));
		}
		return out;
	}
}
