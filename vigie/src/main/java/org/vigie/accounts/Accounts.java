package org.vigie.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Workspaces;

/** The social accounts of the workspace and their health. */
@Service
public class Accounts {

	static final String COLUMNS = "id, show_id, network, handle, external_id, display_name, base_url, status, status_reason, token_expires_at";

	private final JdbcClient jdbc;

	private final Workspaces workspaces;

	Accounts(JdbcClient jdbc, Workspaces workspaces) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
	}

	/** Every account of the workspace, by network then handle. */
	public List<SocialAccount> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM social_accounts WHERE workspace_id = ? ORDER BY network, handle")
			.param(workspaces.current().toString())
			.query((rs, n) -> map(rs))
			.list();
	}

	/** The accounts of the shows {@code actor} may see. */
	public List<SocialAccount> visibleTo(Actor actor) {
		return all().stream().filter(a -> a.show() != null && actor.sees(a.show())).toList();
	}

	public Optional<SocialAccount> find(AccountId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM social_accounts WHERE id = ?")
			.param(id.toString())
			.query((rs, n) -> map(rs))
			.optional();
	}

	static SocialAccount map(ResultSet rs) throws SQLException {
		String show = rs.getString("show_id");
		Object expires = rs.getObject("token_expires_at");
		return new SocialAccount(AccountId.of(rs.getString("id")), show == null ? null : ShowId.of(show),
				Network.fromId(rs.getString("network")).orElseThrow(), rs.getString("handle"), rs.getString("external_id"),
				rs.getString("display_name"), rs.getString("base_url"), AccountStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"),
				expires == null ? null : Instant.ofEpochMilli(((Number) expires).longValue()));
	}
}
