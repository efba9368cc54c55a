package org.vigie;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the third-party data in {@code ../shared/data} (beside the project), for tests that read
 * it. The data is never copied into the project. {@code -Dvigie.shared=DIR} overrides the search.
 */
public final class SharedData {

	private SharedData() {
	}

	/** The folder {@code shared/data/<relative>}; fails the test with a clear message when absent. */
	public static Path path(String relative) {
		Path data = root().resolve("data").resolve(relative);
		if (!Files.exists(data)) {
			throw new IllegalStateException("Missing third-party data " + data.toAbsolutePath()
					+ ": clone the project with ../shared beside it");
		}
		return data;
	}

	/** The {@code shared} folder itself (data, api-reference). */
	public static Path root() {
		String configured = System.getProperty("vigie.shared");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		Path dir = Path.of("").toAbsolutePath();
		for (Path p = dir; p != null; p = p.getParent()) {
			Path candidate = p.resolve("shared");
			if (Files.isDirectory(candidate.resolve("data"))) {
				return candidate;
			}
			Path sibling = p.resolveSibling("shared");
			if (p.getParent() != null && Files.isDirectory(sibling.resolve("data"))) {
				return sibling;
			}
		}
		throw new IllegalStateException("Cannot find ../shared/data above " + dir + "; set -Dvigie.shared=DIR");
	}
}
