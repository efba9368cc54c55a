package org.vigie.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Persistence on the embedded default: an SQLite file and a key file in the data folder. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SqliteStorageIT extends StorageContract {

	static final Path DATA = TestDirs.create("sqlite-storage");

	@Autowired
	SqlDialect dialect;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("vigie.storage.data-dir", DATA::toString);
		registry.add("vigie.storage.secret-key", () -> "");
	}

	@Test
	void keepsStateAndKeyInTheDataFolder() throws Exception {
		assertThat(dialect).isEqualTo(SqlDialect.SQLITE);
		assertThat(DATA.resolve("vigie.db")).exists();
		Path key = DATA.resolve("secret.key");
		assertThat(key).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
	}
}
