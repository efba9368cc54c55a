package org.vigie.inbox;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigie.shared.Ids;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Workspaces;

/**
 * Replies the team reuses, in French or English, with variables filled in from the item:
 * {@code {author}} (the author's name), {@code {handle}}, {@code {show}}, {@code {network}},
 * {@code {account}} and {@code {me}} (who answers). An unknown variable stays as written.
 */
@Service
public class SavedReplies {

	private static final Pattern VARIABLE = Pattern.compile("\\{([a-z]+)\\}");

	/** The variables a saved reply may use. */
	public static final List<String> VARIABLES = List.of("author", "handle", "show", "network", "account", "me");

	private final JdbcClient jdbc;

	private final Workspaces workspaces;

	private final Clock clock;

	SavedReplies(JdbcClient jdbc, Workspaces workspaces, Clock clock) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.clock = clock;
	}

	/** Every saved reply, by language then name. */
	public List<SavedReply> all() {
		return jdbc.sql("SELECT id, name, lang, body FROM inbox_saved_replies WHERE workspace_id = ? ORDER BY lang, name")
			.param(workspaces.current().toString())
			.query((rs, n) -> new SavedReply(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	public Optional<SavedReply> find(String id) {
		return all().stream().filter(r -> r.id().equals(id)).findFirst();
	}

	/**
	 * Creates a saved reply.
	 * @throws IllegalArgumentException if the name or body is blank or too long, or the language is not fr or en
	 */
	public SavedReply create(Actor actor, String name, String lang, String body) {
		actor.requireWrite();
		String cleanName = name.strip();
		String cleanBody = body.strip();
		String cleanLang = lang.strip().toLowerCase(Locale.ROOT);
		if (cleanName.isEmpty() || cleanName.length() > 100 || cleanBody.isEmpty() || cleanBody.length() > 4000) {
			throw new IllegalArgumentException("inbox.saved-reply.invalid");
		}
		if (!cleanLang.equals("fr") && !cleanLang.equals("en")) {
			throw new IllegalArgumentException("inbox.saved-reply.lang");
		}
		String id = Ids.next().toString();
		jdbc.sql("INSERT INTO inbox_saved_replies (id, workspace_id, name, lang, body, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, workspaces.current().toString(), cleanName, cleanLang, cleanBody, clock.millis())
			.update();
		return new SavedReply(id, cleanName, cleanLang, cleanBody);
	}

	public void delete(Actor actor, String id) {
		actor.requireWrite();
		jdbc.sql("DELETE FROM inbox_saved_replies WHERE id = ? AND workspace_id = ?")
			.params(id, workspaces.current().toString())
			.update();
	}

	/** {@code body} with its variables replaced by {@code values}; unknown variables stay as written. */
	public static String expand(String body, Map<String, String> values) {
		Matcher m = VARIABLE.matcher(body);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = values.get(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** A reusable reply. */
	public record SavedReply(String id, String name, String lang, String body) {
	}
}
