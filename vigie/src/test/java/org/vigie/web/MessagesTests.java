package org.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** French first, English second, and never one without the other. */
class MessagesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void everyBundleHasTheSameKeysInFrenchAndEnglish() throws IOException {
		for (Path french : bundles()) {
			Path english = french.resolveSibling(french.getFileName().toString().replace(".properties", "_en.properties"));
			assertThat(english).as("English twin of " + french).exists();
			Set<String> fr = load(french).stringPropertyNames();
			Set<String> en = load(english).stringPropertyNames();
			assertThat(new TreeSet<>(en)).as("keys of " + english + " vs " + french).isEqualTo(new TreeSet<>(fr));
		}
	}

	@Test
	void everyKeyATemplateAsksForExists() throws IOException {
		Set<String> known = new HashSet<>();
		for (Path french : bundles()) {
			known.addAll(load(french).stringPropertyNames());
		}
		Pattern literal = Pattern.compile("page\\.t\\(\"([a-z0-9_.-]+)\"");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
				Matcher m = literal.matcher(Files.readString(template));
				while (m.find()) {
					String key = m.group(1);
					boolean prefix = key.endsWith(".");
					if (prefix ? known.stream().noneMatch(k -> k.startsWith(key)) : !known.contains(key)) {
						missing.add(key + " (" + template.getFileName() + ")");
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static List<Path> bundles() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".properties"))
				.filter(p -> p.getFileName().toString().startsWith("messages") || p.getParent().endsWith("i18n"))
				.filter(p -> !p.getFileName().toString().contains("_en"))
				.toList();
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
