package org.vigie;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Vigie, the community manager's lookout. Without arguments it starts the web application; with a
 * command name as first argument ({@code sentiment}, {@code lang}, {@code detect}, …) it runs that
 * command-line tool instead, without starting Spring (see {@link Cli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VigieApplication {

	public static void main(String[] args) {
		if (Cli.handles(args)) {
			System.exit(Cli.run(args, System.in, System.out, System.err));
		}
		SpringApplication.run(VigieApplication.class, args);
	}
}
