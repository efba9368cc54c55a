package org.vigie.connectors.x;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigie.ingest.Ingestion;
import org.vigie.storage.LocalPostgres;
import org.vigie.storage.SqlDialect;
import org.vigie.storage.TestDirs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector contract again, on PostgreSQL (started from the machine's binaries): the ingest SQL —
 * items upserted on (network, external id), rejections, and the cursor written in the same
 * transaction — is portable. Plus a replay from the start, which must store nothing twice.
 */
class XConnectorOnPostgresIT extends XConnectorContractIT {

	@Autowired
	private SqlDialect dialect;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		String url = LocalPostgres.shared().createDatabase("ingest");
		registry.add("vigie.storage.data-dir", () -> TestDirs.create("pg-ingest").toString());
		registry.add("vigie.storage.db-url", () -> url);
		registry.add("vigie.storage.db-user", () -> "vigie");
		registry.add("vigie.storage.secret-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
	}

	@Test
	void replayingEveryPageFromTheStartStoresNothingTwice() {
		assertThat(dialect).isEqualTo(SqlDialect.POSTGRESQL);
		List<String> truth = write(pageSize() * 2 + 5);
		clock.advance(Duration.ofSeconds(1));
		assertThat(ingestion.drain(id(), feed(), 10)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);
		long counted = ingestion.status(id(), feed()).orElseThrow().itemsStored();

		// As a crash before the cursor's commit would leave it: the pages are read again.
		jdbc.sql("UPDATE ingest_feeds SET cursor_value = '' WHERE account_id = ?").param(id().toString()).update();
		assertThat(ingestion.cursor(id(), feed()).isStart()).isTrue();
		assertThat(ingestion.drain(id(), feed(), 10)).isEqualTo(Ingestion.PollOutcome.CAUGHT_UP);

		assertThat(jdbc.sql("SELECT COUNT(*) FROM items WHERE account_id = ?").param(id().toString()).query(Long.class)
			.single()).isEqualTo(truth.size());
		assertThat(stored()).containsExactlyInAnyOrderElementsOf(truth);
		assertThat(counted).isEqualTo(truth.size());
		assertThat(ingestion.status(id(), feed()).orElseThrow().itemsStored()).as("nothing new the second time")
			.isEqualTo(counted);
	}
}
