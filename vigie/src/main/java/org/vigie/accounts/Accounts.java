package org.vigie.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;
import org.vigie.shared.ShowId;
import org.vigie.storage.SecretBox;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Workspaces;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The social accounts of the workspace, their encrypted credentials and their health. Credentials
 * are sealed with {@link SecretBox} bound to the account id, so a value copied to another row does
 * not decrypt. Thread-safe. Authorisation is the caller's business (controllers check the actor).
 */
@Service
public class Accounts {

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	static final String COLUMNS = "id, show_id, network, handle, external_id, display_name, base_url, status, status_reason, token_expires_at";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Workspaces workspaces;

	private final SecretBox secrets;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Accounts(JdbcClient jdbc, Workspaces workspaces, SecretBox secrets, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.secrets = secrets;
		this.clock = clock;
		this.events = events;
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

	/** The account of the workspace with this network and the network's id for it (a Page id, an IG user id…), if any. */
	public Optional<SocialAccount> findByExternalId(Network network, String externalId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM social_accounts WHERE workspace_id = ? AND network = ? AND external_id = ? AND status <> 'DISCONNECTED'")
			.params(workspaces.current().toString(), network.id(), externalId)
			.query((rs, n) -> map(rs))
			.list()
			.stream()
			.findFirst();
	}

	/** The account of the workspace with this network and handle, if any. */
	public Optional<SocialAccount> find(Network network, String handle) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM social_accounts WHERE workspace_id = ? AND network = ? AND handle = ?")
			.params(workspaces.current().toString(), network.id(), handle)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * Connects an account, or reconnects it when the workspace already has this (network, handle):
	 * its credentials are replaced, it is resumed, and its id is kept. Publishes
	 * {@link AccountConnected}.
	 */
	@Transactional
	public SocialAccount connect(NewAccount account) {
		long now = clock.millis();
		Optional<SocialAccount> existing = find(account.network(), account.handle());
		AccountId id = existing.map(SocialAccount::id).orElseGet(AccountId::generate);
		String sealed = seal(id, account.secrets());
		if (existing.isPresent()) {
			jdbc.sql("""
					UPDATE social_accounts SET show_id = COALESCE(?, show_id), external_id = COALESCE(?, external_id),
					display_name = COALESCE(?, display_name), base_url = ?, credentials = ?, token_expires_at = ?,
					status = 'CONNECTED', status_reason = NULL, updated_at = ? WHERE id = ?""")
				.params(str(account.show()), account.externalId(), account.displayName(), account.baseUrl(), sealed,
						millis(account.tokenExpiresAt()), now, id.toString())
				.update();
		}
		else {
			jdbc.sql("""
					INSERT INTO social_accounts (id, workspace_id, show_id, network, handle, external_id, display_name,
					base_url, status, credentials, token_expires_at, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CONNECTED', ?, ?, ?, ?)""")
				.params(id.toString(), workspaces.current().toString(), str(account.show()), account.network().id(),
						account.handle(), account.externalId(), account.displayName(), account.baseUrl(), sealed,
						millis(account.tokenExpiresAt()), now, now)
				.update();
		}
		log.info("Connected {} account {}", account.network().label(), account.handle());
		events.publishEvent(new AccountConnected(id));
		return find(id).orElseThrow();
	}

	/**
	 * The decrypted secrets of an account.
	 * @throws IllegalArgumentException if the account is unknown or its credentials do not decrypt (key changed)
	 */
	public AccountSecrets secrets(AccountId id) {
		record Row(@Nullable String credentials, @Nullable Long expires) {
		}
		Row row = jdbc.sql("SELECT credentials, token_expires_at FROM social_accounts WHERE id = ?")
			.param(id.toString())
			.query((rs, n) -> new Row(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2)))
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("Unknown account " + id));
		Map<String, String> values = row.credentials() == null ? Map.of()
				: JSON.readValue(secrets.open(row.credentials(), id.toString()), new TypeReference<Map<String, String>>() {
				});
		return new AccountSecrets(values, row.expires() == null ? null : Instant.ofEpochMilli(row.expires()));
	}

	/** Replaces the credentials of an account (a refreshed token, a new session); its status does not change. */
	@Transactional
	public void updateCredentials(AccountId id, Map<String, String> values, @Nullable Instant expiresAt) {
		jdbc.sql("UPDATE social_accounts SET credentials = ?, token_expires_at = ?, updated_at = ? WHERE id = ?")
			.params(seal(id, values), millis(expiresAt), clock.millis(), id.toString())
			.update();
	}

	/**
	 * Stops polling an account until someone resumes or reconnects it.
	 * @param reason why, for people (shown in Settings › Accounts in the reader's language): stored
	 *        {@link Reason#encode() encoded}, read back by {@link SocialAccount#statusReason()}
	 */
	@Transactional
	public void pause(AccountId id, Reason reason) {
		String stored = reason.encode(1000);
		int updated = jdbc
			.sql("UPDATE social_accounts SET status = 'PAUSED', status_reason = ?, updated_at = ? WHERE id = ? AND status <> 'DISCONNECTED'")
			.params(stored, clock.millis(), id.toString())
			.update();
		if (updated > 0) {
			log.warn("Paused account {}: {}", id, stored);
		}
	}

	/**
	 * Polls a paused account again. Publishes {@link AccountConnected}.
	 * @throws IllegalStateException if the account was disconnected
	 */
	@Transactional
	public void resume(AccountId id) {
		SocialAccount account = find(id).orElseThrow(() -> new IllegalArgumentException("Unknown account " + id));
		if (account.status() == AccountStatus.DISCONNECTED) {
			throw new IllegalStateException("A disconnected account must be connected again");
		}
		jdbc.sql("UPDATE social_accounts SET status = 'CONNECTED', status_reason = NULL, updated_at = ? WHERE id = ?")
			.params(clock.millis(), id.toString())
			.update();
		events.publishEvent(new AccountConnected(id));
	}

	/** Stops polling an account for good and forgets its credentials; its items stay. */
	@Transactional
	public void disconnect(AccountId id) {
		jdbc.sql("UPDATE social_accounts SET status = 'DISCONNECTED', status_reason = NULL, credentials = NULL, updated_at = ? WHERE id = ?")
			.params(clock.millis(), id.toString())
			.update();
	}

	/** What will become of the account's access (see {@link TokenForecast}), at the clock's now. */
	public TokenForecast forecast(SocialAccount account) {
		Map<String, String> values;
		try {
			values = account.status() == AccountStatus.DISCONNECTED ? Map.of() : secrets(account.id()).values();
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			values = Map.of();
		}
		return TokenForecast.of(account, values, clock.instant());
	}

	/**
	 * Pauses every connected account whose token has expired and cannot be renewed, saying so in
	 * words (Settings › Accounts then offers to reconnect it).
	 * @return how many were paused
	 */
	@Transactional
	public int pauseExpired() {
		int paused = 0;
		for (SocialAccount a : all()) {
			if (a.status() != AccountStatus.CONNECTED || a.tokenExpiresAt() == null
					|| a.tokenExpiresAt().isAfter(clock.instant())) {
				continue;
			}
			if (forecast(a).kind() == TokenForecast.Kind.EXPIRED) {
				pause(a.id(), Reason.of("accounts.reason.token-expired", PARIS.format(a.tokenExpiresAt())));
				paused++;
			}
		}
		return paused;
	}

	private static final DateTimeFormatter PARIS = DateTimeFormatter
		.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Europe/Paris"));

	/** Attaches an account to a show. */
	@Transactional
	public void attach(AccountId id, ShowId show) {
		jdbc.sql("UPDATE social_accounts SET show_id = ?, updated_at = ? WHERE id = ?")
			.params(show.toString(), clock.millis(), id.toString())
			.update();
	}

	private String seal(AccountId id, Map<String, String> values) {
		return secrets.seal(JSON.writeValueAsString(new LinkedHashMap<>(values)), id.toString());
	}

	private static @Nullable String str(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

	private static @Nullable Long millis(@Nullable Instant instant) {
		return instant == null ? null : instant.toEpochMilli();
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
