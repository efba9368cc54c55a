package org.vigie.enrich;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the third-party data in {@code ../shared/data} from the module or the repository root. */
public final class EnrichTestData {

	private EnrichTestData() {
	}

	public static Path root() {
		Path dir = Path.of("").toAbsolutePath();
		for (Path at = dir; at != null; at = at.getParent()) {
			Path candidate = at.resolve("shared/data");
			if (Files.isDirectory(candidate.resolve("umsab-sentiment"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("No shared/data above " + dir);
	}

	public static Path path(String relative) {
		return root().resolve(relative);
	}
}
