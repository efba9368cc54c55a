package org.vigie.bench.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server whose cluster is kept in a folder between benchmark runs, so that the million
 * items are generated once: created with {@code initdb} on first use, started on a free loopback
 * port, stopped (not deleted) at the end. Runs as the {@code postgres} system user when the JVM is
 * root. Binaries from {@code VIGIE_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin}.
 */
final class BenchPostgres implements AutoCloseable {

	private final Path bin;

	private final Path data;

	private final int port;

	private final boolean asPostgres;

	private BenchPostgres(Path bin, Path data, int port, boolean asPostgres) {
		this.bin = bin;
		this.data = data;
		this.port = port;
		this.asPostgres = asPostgres;
	}

	static BenchPostgres start(Path dir) throws IOException {
		Path bin = findBin();
		boolean root = "root".equals(System.getProperty("user.name"));
		Files.createDirectories(dir);
		Path data = dir.resolve("data");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		BenchPostgres pg = new BenchPostgres(bin, data, port, root);
		if (root) {
			run(List.of("chown", "postgres:postgres", dir.toString()));
			run(List.of("chmod", "700", dir.toString()));
		}
		if (!Files.exists(data.resolve("PG_VERSION"))) {
			pg.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "vigie", "--auth=trust", "-E", "UTF8",
					"--no-locale", "--no-sync"));
		}
		// Settings of a small dedicated server: the benchmark measures queries, not durability.
		pg.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w", "-t",
				"120", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
						+ " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=1GB"
						+ " -c effective_cache_size=4GB -c work_mem=16MB -c maintenance_work_mem=512MB",
				"start"));
		return pg;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	@Override
	public void close() {
		pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
	}

	private void pg(List<String> command) {
		List<String> full = new ArrayList<>();
		if (asPostgres) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(command);
		run(full);
	}

	private static void run(List<String> command) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!p.waitFor(300, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", command));
			}
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (p.exitValue() != 0) {
				throw new IllegalStateException("Failed: " + String.join(" ", command) + "\n" + out);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
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
		throw new IllegalStateException("PostgreSQL binaries not found (apt-get install postgresql, or set VIGIE_PG_BIN)");
	}
}
