package org.vigie;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Dispatches {@code java -jar vigie.jar <command> …} to a {@link CliCommand} found through
 * {@link ServiceLoader}, so that each feature module contributes its own tools (sentiment, lang,
 * detect) without this class knowing them.
 */
final class Cli {

	private Cli() {
	}

	static boolean handles(String[] args) {
		return args.length > 0 && !args[0].startsWith("-") && commands().containsKey(args[0]);
	}

	static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		CliCommand command = commands().get(args[0]);
		String[] rest = new String[args.length - 1];
		System.arraycopy(args, 1, rest, 0, rest.length);
		try {
			return command.run(rest, in, out, err);
		}
		catch (Exception e) {
			err.println("vigie " + args[0] + ": " + e.getMessage());
			return 2;
		}
	}

	static Map<String, CliCommand> commands() {
		Map<String, CliCommand> commands = new TreeMap<>();
		ServiceLoader.load(CliCommand.class).forEach(c -> commands.put(c.name(), c));
		return commands;
	}
}
