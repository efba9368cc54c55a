package org.vigie.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Persistence on PostgreSQL, started from the machine's binaries by the test itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PostgresStorageIT extends StorageContract {

	@Autowired
	SqlDialect dialect;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		String url = LocalPostgres.shared().createDatabase("storage");
		registry.add("vigie.storage.data-dir", () -> TestDirs.create("pg-storage").toString());
		registry.add("vigie.storage.db-url", () -> url);
		registry.add("vigie.storage.db-user", () -> "vigie");
		registry.add("vigie.storage.secret-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
	}

	@Test
	void runsOnPostgres() {
		assertThat(dialect).isEqualTo(SqlDialect.POSTGRESQL);
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}
}
