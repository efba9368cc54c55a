package org.vigie.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;


import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteConfig;

/**
 * Builds the one DataSource: SQLite in WAL mode in the data folder unless a PostgreSQL URL is set.
 * SQLite write transactions start {@code IMMEDIATE} so that two writers queue on the busy timeout
 * instead of failing with {@code SQLITE_BUSY} when a reader upgrades to a writer.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(StorageSettings settings) {
		createDataDir(settings);
		HikariConfig config = new HikariConfig();
		config.setPoolName("vigie");
		config.setJdbcUrl(settings.jdbcUrl());
		if (settings.embedded()) {
			SQLiteConfig sqlite = new SQLiteConfig();
			sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
			sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
			sqlite.enforceForeignKeys(true);
			sqlite.setBusyTimeout(30_000);
			sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
			sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
			config.setDataSourceProperties(sqlite.toProperties());
			config.setMaximumPoolSize(settings.maxPoolSize());
			log.info("Storing state in the SQLite file {}", settings.dataDir().resolve("vigie.db").toAbsolutePath());
		}
		else {
			config.setUsername(settings.dbUser());
			config.setPassword(settings.dbPassword());
			config.setMaximumPoolSize(settings.maxPoolSize());
			log.info("Storing state in PostgreSQL at {}", settings.dbUrl());
		}
		return new HikariDataSource(config);
	}

	/** True when the DataSource is the embedded SQLite file; some SQL differs (see {@link SqlDialect}). */
	@Bean
	SqlDialect sqlDialect(StorageSettings settings) {
		return settings.embedded() ? SqlDialect.SQLITE : SqlDialect.POSTGRESQL;
	}

	@Bean
	SecretBox secretBox(StorageSettings settings) {
		createDataDir(settings);
		return SecretBox.load(settings.secretKey(), settings.dataDir().resolve("secret.key"));
	}

	private static void createDataDir(StorageSettings settings) {
		try {
			Files.createDirectories(settings.dataDir());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the data folder " + settings.dataDir().toAbsolutePath()
					+ " (vigie.storage.data-dir / VIGIE_DATA_DIR)", e);
		}
	}

}
