package org.vigie.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.vigie.CliCommand;

class EnrichCommandsTests {

	static final String INPUT = "J'adore cette émission 😍\n\nThis is the worst show ever, I hate it\n" + "x".repeat(200_000)
			+ "\n   \n\u00e9\u00e9\n";

	@Test
	void sentimentAnswersEveryLine() throws Exception {
		List<String> lines = run(new SentimentCommand());
		assertThat(lines).hasSize(6);
		assertThat(lines).allMatch(l -> l.equals("negative") || l.equals("neutral") || l.equals("positive"));
		assertThat(lines.get(0)).isEqualTo("positive");
		assertThat(lines.get(2)).isEqualTo("negative");
	}

	@Test
	void sentimentCanForceTheLanguageAndShowScores() throws Exception {
		List<String> lines = run(new SentimentCommand(), "--lang", "fr", "--scores");
		assertThat(lines).hasSize(6);
		assertThat(lines.get(0)).matches("positive\t0\\.\\d{3}");
	}

	@Test
	void langAnswersEveryLine() throws Exception {
		List<String> lines = run(new LangCommand());
		assertThat(lines).containsExactly("fr", "und", "en", lines.get(3), "und", "und");
	}

	@Test
	void commandsAreRegistered() {
		assertThat(ServiceLoader.load(CliCommand.class).stream().map(p -> p.get().name()))
			.contains("sentiment", "lang");
	}

	private static List<String> run(CliCommand command, String... args) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = command.run(args, new ByteArrayInputStream(INPUT.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).isZero();
		return out.toString(StandardCharsets.UTF_8).lines().toList();
	}
}
