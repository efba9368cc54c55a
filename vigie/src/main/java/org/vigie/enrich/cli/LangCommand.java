package org.vigie.enrich.cli;

import java.io.InputStream;
import java.io.PrintStream;

import org.vigie.CliCommand;
import org.vigie.enrich.language.LanguageDetector;

/**
 * {@code java -jar vigie.jar lang}: one text per line on standard input, its language on standard
 * output ({@code fr}, {@code en}, {@code es}…, {@code und} when unsure or blank).
 */
public final class LangCommand implements CliCommand {

	@Override
	public String name() {
		return "lang";
	}

	@Override
	public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
		LanguageDetector detector = LanguageDetector.load();
		return LineCommand.run(in, out, line -> detector.detect(line).code());
	}
}
