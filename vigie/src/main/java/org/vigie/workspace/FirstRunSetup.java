package org.vigie.workspace;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure there is a first admin without any default password. On start with no users: if
 * {@code VIGIE_ADMIN_EMAIL} and {@code VIGIE_ADMIN_PASSWORD} are set, creates that admin; otherwise
 * logs a one-time setup URL whose secret lives only in memory and dies with the first admin.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FirstRunSetup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

	private final Team team;

	private final TeamSettings settings;

	private final ApplicationContext context;

	private final AtomicReference<String> secret = new AtomicReference<>();

	FirstRunSetup(Team team, TeamSettings settings, ApplicationContext context) {
		this.team = team;
		this.settings = settings;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!team.isEmpty()) {
			return;
		}
		if (settings.bootstrapsAdmin()) {
			team.createFirstAdmin(settings.adminEmail(), "Admin", settings.adminPassword());
			log.info("Created the first admin {} from VIGIE_ADMIN_EMAIL / VIGIE_ADMIN_PASSWORD", settings.adminEmail());
			return;
		}
		String token = Tokens.random("setup_");
		secret.set(token);
		log.warn("""

				=====================================================================
				  Vigie has no users yet. Create the first admin at this one-time URL:
				    {}/setup?token={}
				  (or set VIGIE_ADMIN_EMAIL and VIGIE_ADMIN_PASSWORD and restart)
				=====================================================================""", baseUrl(), token);
	}

	/** True while the setup is open and {@code candidate} is its secret. Constant-time comparison. */
	public boolean accepts(String candidate) {
		String expected = secret.get();
		return expected != null && team.isEmpty() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

	/** The one-time setup URL while the setup is open (it is also logged at start); empty once closed. */
	public Optional<String> pendingSetupUrl() {
		String token = secret.get();
		return token == null || !team.isEmpty() ? Optional.empty()
				: Optional.of(baseUrl() + "/setup?token=" + token);
	}

	/** Closes the setup once the first admin exists. */
	public void close() {
		secret.set(null);
	}

	/** The public base address: {@code VIGIE_BASE_URL}, or http://localhost with the port actually bound. */
	public String baseUrl() {
		if (settings.baseUrl() != null && !settings.baseUrl().isBlank()) {
			return settings.baseUrl().replaceAll("/+$", "");
		}
		int port = context instanceof WebServerApplicationContext web && web.getWebServer() != null
				? web.getWebServer().getPort() : 8080;
		return "http://localhost:" + port;
	}
}
