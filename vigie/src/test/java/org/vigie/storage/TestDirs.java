package org.vigie.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh data folders for tests, under {@code target/} so that {@code mvn clean} removes them. */
public final class TestDirs {

	private TestDirs() {
	}

	public static Path create(String prefix) {
		try {
			Path base = Path.of("target", "test-data");
			Files.createDirectories(base);
			return Files.createTempDirectory(base.toAbsolutePath(), prefix + "-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
