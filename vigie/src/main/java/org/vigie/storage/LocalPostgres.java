package org.vigie.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway PostgreSQL server started from the machine's own binaries (no Docker), for tests and
 * benchmarks: a fresh cluster in a temporary folder, listening on a free loopback port, fsync off,
 * trust authentication for the user {@code vigie}. When the JVM runs as root (CI does), the server
 * runs as the {@code postgres} system user, since PostgreSQL refuses to run as root.
 *
 * <p>Binaries are looked up in {@code VIGIE_PG_BIN}, then {@code /usr/lib/postgresql/<15..17>/bin}.
 * Not for production: data lives in a temporary folder and is deleted by {@link #close()}, unless the
 * server was started by {@link #kept(Path, String...)} (benchmarks keep their million items).
 */
public final class LocalPostgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static LocalPostgres shared;

	private final Path bin;

	private final Path dir;

	private final int port;

	private final boolean asPostgresUser;

	private final boolean kept;

	private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser, boolean kept) {
		this.bin = bin;
		this.dir = dir;
		this.port = port;
		this.asPostgresUser = asPostgresUser;
		this.kept = kept;
	}

	/** True when PostgreSQL binaries are found on this machine. */
	public static boolean available() {
		return findBin() != null;
	}

	/**
	 * One server for the whole JVM, started on first use and stopped at exit. Thread-safe.
	 * @throws IllegalStateException if no binaries are found or the server does not start
	 */
	public static synchronized LocalPostgres shared() {
		if (shared == null) {
			shared = start();
			LocalPostgres server = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-postgres-stop"));
		}
		return shared;
	}

	/** Starts a new server. */
	public static LocalPostgres start() {
		try {
			return launch(Files.createTempDirectory("vigie-pg-"), false, List.of());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start PostgreSQL", e);
		}
	}

	/**
	 * Starts a server whose cluster lives in {@code dir} and outlives it: created on first use,
	 * reused by later calls, stopped but not deleted by {@link #close()}.
	 * @param settings extra {@code name=value} server settings
	 */
	public static LocalPostgres kept(Path dir, String... settings) {
		try {
			Files.createDirectories(dir);
			return launch(dir, true, List.of(settings));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start PostgreSQL in " + dir, e);
		}
	}

	private static LocalPostgres launch(Path dir, boolean kept, List<String> settings) throws IOException {
		Path bin = findBin();
		if (bin == null) {
			throw new IllegalStateException(
					"PostgreSQL binaries not found: install postgresql-15 (apt-get install postgresql) or set VIGIE_PG_BIN");
		}
		boolean root = "root".equals(System.getProperty("user.name"));
		if (root) {
			run(List.of("chown", "postgres:postgres", dir.toString()), 30);
			run(List.of("chmod", "700", dir.toString()), 30);
		}
		Path data = dir.resolve("data");
		int port = freePort();
		LocalPostgres server = new LocalPostgres(bin, dir, port, root, kept);
		if (!Files.exists(data.resolve("PG_VERSION"))) {
			server.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "vigie", "--auth=trust",
					"-E", "UTF8", "--no-locale", "--no-sync"), 120);
		}
		StringBuilder options = new StringBuilder("-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
				+ " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
		settings.forEach(setting -> options.append(" -c ").append(setting));
		server.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
				"-w", "-t", "120", "-o", options.toString(), "start"), 150);
		log.info("Started {} PostgreSQL on 127.0.0.1:{} ({})", kept ? "a kept" : "a throwaway", port, bin);
		return server;
	}

	/** Creates a new empty database and returns its JDBC URL (user {@code vigie}, no password). */
	public String createDatabase(String prefix) {
		String name = (prefix + "_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid())
			.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "vigie", "");
				Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
		}
		return jdbcUrl(name);
	}

	/** The JDBC URL of a database on this server. */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	public int port() {
		return port;
	}

	@Override
	public synchronized void close() {
		try {
			pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", kept ? "fast" : "immediate",
					"-w", "stop"), 60);
		}
		catch (RuntimeException e) {
			log.warn("Could not stop PostgreSQL in {}: {}", dir, e.getMessage());
		}
		if (kept) {
			return;
		}
		try {
			run(List.of("rm", "-rf", dir.toString()), 60);
		}
		catch (RuntimeException e) {
			log.warn("Could not delete {}: {}", dir, e.getMessage());
		}
	}

	private void pg(List<String> command, int timeoutSeconds) {
		List<String> full = new ArrayList<>();
		if (asPostgresUser) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		run(full, timeoutSeconds);
	}

	private static String run(List<String> command, int timeoutSeconds) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", command));
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("Failed (" + process.exitValue() + "): " + String.join(" ", command) + "\n" + output);
			}
			return output;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot run " + command.get(0), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", e);
		}
	}

	private static Path findBin() {
		String configured = System.getenv("VIGIE_PG_BIN");
		if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
			return Path.of(configured);
		}
		for (int version = 17; version >= 13; version--) {
			Path candidate = Path.of("/usr/lib/postgresql/" + version + "/bin");
			if (Files.isExecutable(candidate.resolve("initdb"))) {
				return candidate;
			}
		}
		return null;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
