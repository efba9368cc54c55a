package org.vigie.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.lucene.store.FSDirectory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ArchiveRebuildCommandTests {

	@TempDir
	Path data;

	@Test
	void indexesEveryStoredItemWithTheCurrentAnalysis() throws Exception {
		var db = new DriverManagerDataSource("jdbc:sqlite:" + data.resolve("vigie.db"));
		Flyway.configure().dataSource(db).locations("classpath:db/migration").outOfOrder(true).load().migrate();
		JdbcClient jdbc = JdbcClient.create(db);
		for (int i = 0; i < 3; i++) {
			jdbc.sql("""
					INSERT INTO items (id, network, external_id, kind, workspace_id, text, created_at, ingested_at, lang, entities)
					VALUES (?, 'x', ?, 'mention', 'w', ?, ?, ?, 'fr', '{"hashtags":["Quotidien"]}')""")
				.params("01900000-0000-7000-8000-00000000000" + i, "e" + i, "Les émissions d'hier soir, vu " + i,
						1_700_000_000_000L + i, 1_700_000_000_000L + i)
				.update();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = new ArchiveRebuildCommand().run(new String[] { "--data-dir", data.toString() },
				new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

		assertThat(code).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 items");
		try (LuceneArchive archive = new LuceneArchive(FSDirectory.open(data.resolve("index")), 16)) {
			assertThat(archive.count(SearchQuery.parse("emission #quotidien lang:fr").toLucene(), ArchiveScope.ALL)).isEqualTo(3);
		}
	}

	@Test
	void refusesWithoutADatabase() throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new ArchiveRebuildCommand().run(new String[] { "--data-dir", data.resolve("none").toString() },
				new ByteArrayInputStream(new byte[0]), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("No database");
	}
}
