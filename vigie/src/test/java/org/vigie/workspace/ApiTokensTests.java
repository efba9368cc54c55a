package org.vigie.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.vigie.MutableClock;
import org.vigie.shared.UserId;

class ApiTokensTests {

	private static final String OWNER = "01900000-0000-7000-8000-000000000001";

	@TempDir
	Path data;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T05:00:10Z"));

	private JdbcClient jdbc;

	private ApiTokens tokens;

	@BeforeEach
	void database() {
		var db = new DriverManagerDataSource("jdbc:sqlite:" + data.resolve("vigie.db"));
		Flyway.configure().dataSource(db).locations("classpath:db/migration").outOfOrder(true).load().migrate();
		jdbc = JdbcClient.create(db);
		jdbc.sql("INSERT INTO users (id, email, display_name, role, created_at) VALUES (?, 'ci@example.org', 'CI', 'ADMIN', 0)")
			.param(OWNER)
			.update();
		// Counts the rows actually written, whatever statements ran.
		jdbc.sql("CREATE TABLE last_use_writes (at BIGINT)").update();
		jdbc.sql("""
				CREATE TRIGGER count_last_use AFTER UPDATE OF last_used_at ON api_tokens
				BEGIN INSERT INTO last_use_writes VALUES (NEW.last_used_at); END""").update();
		tokens = new ApiTokens(jdbc, new AuditLog(jdbc, clock), clock);
	}

	@Test
	void writesTheLastUseOnceForABurstWithinAMinute() {
		ApiTokens.Created token = tokens.create(UserId.of(OWNER), "ci@example.org", "script");

		for (int i = 0; i < 40; i++) {
			assertThat(tokens.authenticate(token.secret())).contains(UserId.of(OWNER));
			clock.advance(Duration.ofSeconds(1));
		}

		assertThat(writes()).isEqualTo(1);
		assertThat(lastUsedAt()).isEqualTo(Instant.parse("2026-11-26T05:00:10Z"));
	}

	@Test
	void writesTheLastUseAgainInTheNextMinute() {
		ApiTokens.Created token = tokens.create(UserId.of(OWNER), "ci@example.org", "script");
		tokens.authenticate(token.secret());
		clock.set(Instant.parse("2026-11-26T05:00:59Z"));
		tokens.authenticate(token.secret());
		assertThat(writes()).isEqualTo(1);

		clock.set(Instant.parse("2026-11-26T05:01:00Z"));
		tokens.authenticate(token.secret());
		tokens.authenticate(token.secret());

		assertThat(writes()).isEqualTo(2);
		assertThat(lastUsedAt()).as("what Settings shows, to the minute").isEqualTo(Instant.parse("2026-11-26T05:01:00Z"));
	}

	private long writes() {
		return jdbc.sql("SELECT COUNT(*) FROM last_use_writes").query(Long.class).single();
	}

	private Instant lastUsedAt() {
		return tokens.of(UserId.of(OWNER)).get(0).lastUsedAt();
	}
}
