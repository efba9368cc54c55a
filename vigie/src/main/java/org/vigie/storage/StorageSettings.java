package org.vigie.storage;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Vigie keeps its state.
 *
 * @param dataDir the data folder: SQLite file, Lucene index, key file ({@code VIGIE_DATA_DIR}, default {@code ./data})
 * @param dbUrl a JDBC URL for PostgreSQL ({@code VIGIE_DB_URL}); empty means the embedded SQLite file
 * @param dbUser the database user ({@code VIGIE_DB_USER})
 * @param dbPassword the database password ({@code VIGIE_DB_PASSWORD})
 * @param maxPoolSize connections kept open to the database (default 10)
 * @param secretKey base64 of the 32-byte key that encrypts secrets at rest ({@code VIGIE_SECRET_KEY}); empty means
 *        a key file {@code secret.key} created with mode 0600 in the data folder
 */
@ConfigurationProperties("vigie.storage")
public record StorageSettings(@DefaultValue("./data") Path dataDir, @Nullable String dbUrl,
		@Nullable String dbUser, @Nullable String dbPassword, @DefaultValue("10") int maxPoolSize, @Nullable String secretKey) {

	public StorageSettings {
		if (maxPoolSize < 1) {
			throw new IllegalArgumentException("vigie.storage.max-pool-size must be at least 1, was " + maxPoolSize);
		}
	}

	/** True when no external database is configured and the embedded SQLite file is used. */
	public boolean embedded() {
		return dbUrl == null || dbUrl.isBlank();
	}

	/** The JDBC URL actually used. */
	public String jdbcUrl() {
		return embedded() ? "jdbc:sqlite:" + dataDir.resolve("vigie.db").toAbsolutePath() : dbUrl;
	}
}
