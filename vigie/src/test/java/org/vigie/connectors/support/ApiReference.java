package org.vigie.connectors.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vigie.SharedData;

/** The networks' own API descriptions and samples in {@code ../shared/api-reference}, read in place (never copied). */
public final class ApiReference {

	private ApiReference() {
	}

	public static Path path(String relative) {
		return SharedData.root().resolve("api-reference").resolve(relative);
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
