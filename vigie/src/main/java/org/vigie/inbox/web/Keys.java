package org.vigie.inbox.web;

import java.util.Locale;

import org.vigie.inbox.ItemStatus;
import org.vigie.inbox.ReplyState;
import org.vigie.shared.ItemKind;

/** The message keys of enumerated values, for the templates. */
public final class Keys {

	private Keys() {
	}

	public static String kind(ItemKind kind) {
		return "inbox.kind." + kind.id();
	}

	public static String status(ItemStatus status) {
		return "inbox.status." + status.id();
	}

	public static String sentiment(String sentiment) {
		return "inbox.sentiment." + sentiment;
	}

	public static String lang(String lang) {
		return "inbox.lang." + lang;
	}

	public static String replyState(ReplyState state) {
		return "inbox.reply.state." + state.name().toLowerCase(Locale.ROOT);
	}

	public static String action(String action) {
		return "inbox.action." + action;
	}
}
