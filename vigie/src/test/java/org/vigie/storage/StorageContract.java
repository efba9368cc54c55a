package org.vigie.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.shared.Ids;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.ApiTokens;
import org.vigie.workspace.AuditLog;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;
import org.vigie.workspace.Workspaces;

/**
 * What persistence must do the same on SQLite and PostgreSQL: migrations, the team, shows, tokens,
 * the audit log, idempotent item upserts and encrypted secrets. Run by one IT per database.
 */
abstract class StorageContract {

	@Autowired
	Team team;

	@Autowired
	Shows shows;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditLog audit;

	@Autowired
	Workspaces workspaces;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretBox secrets;

	Actor admin;

	@BeforeEach
	void admin() {
		User user = team.isEmpty() ? team.createFirstAdmin("admin@example.org", "Admin", "correct horse battery")
				: team.findByEmail("admin@example.org").orElseThrow();
		admin = new Actor(user.id(), user.email(), user.role(), user.shows());
	}

	@Test
	void appliesEveryMigration() {
		long failed = jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = FALSE").query(Long.class).single();
		long applied = jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE").query(Long.class).single();
		assertThat(failed).isZero();
		assertThat(applied).isPositive();
	}

	@Test
	void invitesActivatesAndChangesUsers() {
		Show show = shows.create(admin, "Le Grand Débat " + Ids.next());
		Team.Invitation invitation = team.invite(admin, "Analyst-" + show.slug() + "@Example.org", "Ana", Role.ANALYST,
				Set.of(show.id()));
		assertThat(invitation.user().active()).isFalse();
		assertThat(team.invited(invitation.secret())).isPresent();

		User ana = team.acceptInvitation(invitation.secret(), "a long enough password");
		assertThat(ana.active()).isTrue();
		assertThat(ana.email()).isEqualTo(("analyst-" + show.slug() + "@example.org"));
		assertThat(ana.shows()).containsExactly(show.id());
		assertThat(team.invited(invitation.secret())).as("an invitation works once").isEmpty();

		team.changeRole(admin, ana.id(), Role.COMMUNITY_MANAGER);
		assertThat(team.find(ana.id()).orElseThrow().role()).isEqualTo(Role.COMMUNITY_MANAGER);
		assertThat(audit.recent(10)).extracting(AuditLog.Entry::action).contains("user.invited", "user.role-changed");
	}

	@Test
	void refusesToDemoteTheLastAdmin() {
		assertThatThrownBy(() -> team.changeRole(admin, admin.id(), Role.ANALYST))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("user.last-admin");
	}

	@Test
	void storesTokensHashedAndRevokesThem() {
		ApiTokens.Created created = tokens.create(admin.id(), admin.email(), "ci");
		assertThat(tokens.authenticate(created.secret())).contains(admin.id());
		String stored = jdbc.sql("SELECT token_hash FROM api_tokens WHERE id = ?").param(created.id()).query(String.class).single();
		assertThat(stored).doesNotContain(created.secret()).hasSize(64);
		assertThat(tokens.revoke(admin.id(), admin.email(), created.id())).isTrue();
		assertThat(tokens.authenticate(created.secret())).isEmpty();
	}

	@Test
	void upsertsItemsOnceByNetworkAndExternalId() {
		String external = "post-" + Ids.next();
		for (int attempt = 0; attempt < 3; attempt++) {
			jdbc.sql("""
					INSERT INTO items (id, network, external_id, kind, workspace_id, text, created_at, ingested_at)
					VALUES (?, 'x', ?, 'MENTION', ?, ?, ?, ?)
					ON CONFLICT (network, external_id) DO NOTHING""")
				.params(Ids.next().toString(), external, workspaces.current().toString(), "Bravo l'émission 🎉 <b>", 1L, 2L)
				.update();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM items WHERE external_id = ?").param(external).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT text FROM items WHERE external_id = ?").param(external).query(String.class).single())
			.isEqualTo("Bravo l'émission 🎉 <b>");
	}

	@Test
	void sealsSecretsBoundToTheirRow() {
		String sealed = secrets.seal("page-token-123", "account-1");
		assertThat(sealed).doesNotContain("page-token-123");
		assertThat(secrets.open(sealed, "account-1")).isEqualTo("page-token-123");
		assertThatThrownBy(() -> secrets.open(sealed, "account-2")).isInstanceOf(IllegalArgumentException.class);
	}
}
