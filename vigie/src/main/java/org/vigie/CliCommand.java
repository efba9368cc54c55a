package org.vigie;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * A command-line tool run by {@code java -jar vigie.jar <name> [args]} without starting the web
 * application. Implementations are listed in {@code META-INF/services/org.vigie.CliCommand}.
 */
public interface CliCommand {

	/** The first argument that selects this command, e.g. {@code sentiment}. */
	String name();

	/**
	 * Runs the command. Reads its input from {@code in}, writes results to {@code out} and
	 * diagnostics to {@code err}.
	 * @return the process exit code, 0 on success
	 * @throws Exception on an unrecoverable error; the dispatcher prints its message and exits 2
	 */
	int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception;
}
