package org.vigie.archive;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.vigie.CliCommand;
import org.vigie.storage.StorageSettings;

/**
 * {@code java -jar vigie.jar archive-rebuild [--data-dir DIR] [--db-url URL]}: empties the archive
 * index ({@code <data>/index}) and indexes every stored item again from the database, with the
 * current analysis. Needed after a change of how text is analysed (items indexed before it would
 * otherwise not be found as the matcher finds new ones). Reads the same settings as the
 * application ({@code VIGIE_DATA_DIR}, {@code VIGIE_DB_URL}, {@code VIGIE_DB_USER},
 * {@code VIGIE_DB_PASSWORD}); Vigie must be stopped, since it holds the index open.
 */
public final class ArchiveRebuildCommand implements CliCommand {

	@Override
	public String name() {
		return "archive-rebuild";
	}

	@Override
	public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
		String dataDir = env("VIGIE_DATA_DIR", "./data");
		String dbUrl = env("VIGIE_DB_URL", "");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--data-dir" -> dataDir = value(args, ++i);
				case "--db-url" -> dbUrl = value(args, ++i);
				case "-h", "--help" -> {
					out.println("usage: archive-rebuild [--data-dir DIR] [--db-url JDBC-URL]  (Vigie must be stopped)");
					return 0;
				}
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		StorageSettings storage = new StorageSettings(Path.of(dataDir), dbUrl, env("VIGIE_DB_USER", ""),
				env("VIGIE_DB_PASSWORD", ""), 1, null);
		if (storage.embedded() && !Files.exists(storage.dataDir().resolve("vigie.db"))) {
			err.println("No database at " + storage.dataDir().resolve("vigie.db").toAbsolutePath()
					+ " (set --data-dir or VIGIE_DATA_DIR)");
			return 1;
		}
		DriverManagerDataSource db = new DriverManagerDataSource(storage.jdbcUrl());
		if (!storage.embedded()) {
			db.setUsername(storage.dbUser());
			db.setPassword(storage.dbPassword());
		}
		Path index = storage.dataDir().resolve("index");
		Files.createDirectories(index);
		long started = System.currentTimeMillis();
		LuceneArchive lucene;
		try {
			lucene = new LuceneArchive(FSDirectory.open(index), 64);
		}
		catch (UncheckedIOException e) {
			if (e.getCause() instanceof LockObtainFailedException) {
				err.println("The archive index " + index.toAbsolutePath() + " is in use: stop Vigie first.");
				return 1;
			}
			throw e;
		}
		try (lucene) {
			long n = Archive.rebuild(lucene, new ItemRows(JdbcClient.create(db)), () -> started);
			out.printf("Archive rebuilt in %s: %,d items in %,d ms%n", index.toAbsolutePath(), n,
					System.currentTimeMillis() - started);
		}
		return 0;
	}

	private static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			throw new IllegalArgumentException(args[i - 1] + " needs a value");
		}
		return args[i];
	}
}
