package org.vigie.connectors.bluesky;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * A real local AT Protocol network (PLC, PDS, AppView on PostgreSQL) run by
 * {@code tools/atproto-peer/run.sh} on loopback, for the real-peer test. Needs
 * {@code npm ci --prefix tools/atproto-peer} beforehand, Node 20 and PostgreSQL 15's binaries.
 */
final class AtprotoPeer implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Process process;

	private final String pdsUrl;

	private final Path log;

	private AtprotoPeer(Process process, String pdsUrl, Path log) {
		this.process = process;
		this.pdsUrl = pdsUrl;
		this.log = log;
	}

	/** The folder of the launcher, found from the module or the project root. */
	static Path home() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("tools/atproto-peer");
			if (Files.isRegularFile(candidate.resolve("run.sh"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("tools/atproto-peer not found above " + Path.of("").toAbsolutePath());
	}

	static boolean installed() {
		return Files.isDirectory(home().resolve("node_modules/@atproto/dev-env"));
	}

	/**
	 * Runs {@code npm ci} in the launcher's folder (the committed lock file pins
	 * {@code @atproto/dev-env} 0.3.215 and everything under it); about two minutes cold.
	 * @return true when the peer is installed afterwards
	 */
	static boolean install() throws IOException, InterruptedException {
		Path home = home();
		Path log = Files.createTempFile("vigie-atproto-npm", ".log");
		Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
			.directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean done = npm.waitFor(10, TimeUnit.MINUTES);
		if (!done) {
			npm.destroyForcibly();
		}
		if (!done || npm.exitValue() != 0 || !installed()) {
			throw new IllegalStateException("npm ci in " + home + " failed:\n" + Files.readString(log));
		}
		Files.deleteIfExists(log);
		return true;
	}

	static AtprotoPeer start() throws IOException, InterruptedException {
		Path home = home();
		Path log = Files.createTempFile("vigie-atproto-peer", ".log");
		Process process = new ProcessBuilder("bash", home.resolve("run.sh").toString())
			.directory(home.toFile())
			.redirectError(log.toFile())
			.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		String[] ready = new String[1];
		Thread reader = new Thread(() -> {
			try {
				for (String line; (line = out.readLine()) != null;) {
					if (line.startsWith("READY ")) {
						synchronized (ready) {
							ready[0] = line.substring("READY ".length());
							ready.notifyAll();
						}
					}
				}
			}
			catch (IOException closed) {
				// the peer stopped
			}
		}, "atproto-peer-stdout");
		reader.setDaemon(true);
		reader.start();
		synchronized (ready) {
			while (ready[0] == null && process.isAlive() && Instant.now().isBefore(deadline)) {
				ready.wait(500);
			}
		}
		if (ready[0] == null) {
			process.destroy();
			throw new IllegalStateException("The AT Protocol peer did not start within " + START_TIMEOUT.toSeconds()
					+ " s; its log:\n" + Files.readString(log));
		}
		JsonNode urls = XrpcClient.JSON.readTree(ready[0]);
		return new AtprotoPeer(process, urls.path("pds").asString(), log);
	}

	String pdsUrl() {
		return pdsUrl;
	}

	String log() throws IOException {
		return Files.readString(log);
	}

	@Override
	public void close() throws Exception {
		process.getOutputStream().close();
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		Files.deleteIfExists(log);
	}
}
