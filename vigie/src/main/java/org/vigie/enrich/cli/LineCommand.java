package org.vigie.enrich.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Runs a one-line-in, one-line-out tool: reads UTF-8 text from standard input, one item per line
 * (malformed bytes become U+FFFD), and writes exactly one answer per line, blank and huge lines
 * included.
 */
final class LineCommand {

	private LineCommand() {
	}

	static int run(InputStream in, PrintStream out, UnaryOperator<String> answer) throws IOException {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		String line;
		while ((line = reader.readLine()) != null) {
			writer.write(answer.apply(line));
			writer.write('\n');
		}
		writer.flush();
		return 0;
	}
}
