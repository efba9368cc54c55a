package org.vigie.connectors.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The networks' own API descriptions and samples in {@code ../shared/api-reference}, read in place (never copied). */
public final class ApiReference {

	private ApiReference() {
	}

	public static Path path(String relative) {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/api-reference");
			if (Files.isDirectory(candidate)) {
				return candidate.resolve(relative);
			}
			Path sibling = dir.resolveSibling("shared/api-reference");
			if (Files.isDirectory(sibling)) {
				return sibling.resolve(relative);
			}
		}
		throw new IllegalStateException("../shared/api-reference not found from " + Path.of("").toAbsolutePath());
	}

	public static String text(String relative) {
		try {
			return Files.readString(path(relative), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] bytes(String relative) {
		try {
			return Files.readAllBytes(path(relative));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
