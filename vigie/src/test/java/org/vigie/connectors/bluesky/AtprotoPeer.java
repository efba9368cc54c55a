package org.vigie.connectors.bluesky;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * A real local AT Protocol network (PLC, PDS, AppView on PostgreSQL) run by
 * {@code tools/atproto-peer/run.sh} on loopback, for the real-peer test. Needs
 * {@code npm ci --prefix tools/atproto-peer} beforehand, Node 20 and PostgreSQL 15's binaries.
 * <p>
 * Every port it listens on is chosen free when it starts, so that two runs on one machine, or a
 * process left over from an earlier run, do not collide. {@link #close()} stops every process it
 * started (the launcher, node, PostgreSQL and their children) and removes PostgreSQL's data; a JVM
 * that ends without closing it stops them from a shutdown hook.
 */
final class AtprotoPeer implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	// node closes its servers within its own 10 s limit and PostgreSQL shuts down at once; past this, kill.
	private static final Duration STOP_GRACE = Duration.ofSeconds(15);

	private static final Duration KILL_WAIT = Duration.ofSeconds(5);

	private static final int START_ATTEMPTS = 3;

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private final Process process;

	private final Ports ports;

	private final Path scratch;

	private final Path log;

	private final Thread shutdownHook = new Thread(this::stop, "atproto-peer-stop");

	private String pdsUrl = "";

	private boolean stopped;

	private AtprotoPeer(Process process, Ports ports, Path scratch, Path log) {
		this.process = process;
		this.ports = ports;
		this.scratch = scratch;
		this.log = log;
	}

	/** The loopback ports of one peer: its services', the URL Ozone is given for chat, and PostgreSQL's. */
	record Ports(int plc, int pds, int appView, int ozone, int chat, int postgres) {

		/** Six distinct ports free on 127.0.0.1 now; released before they are returned, for the peer to bind. */
		static Ports free() throws IOException {
			List<ServerSocket> held = new ArrayList<>();
			try {
				// Held together until all are chosen, so that the six differ.
				for (int i = 0; i < 6; i++) {
					held.add(new ServerSocket(0, 1, LOOPBACK));
				}
				int[] p = held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
				return new Ports(p[0], p[1], p[2], p[3], p[4], p[5]);
			}
			finally {
				for (ServerSocket socket : held) {
					socket.close();
				}
			}
		}

		List<Integer> all() {
			return List.of(plc, pds, appView, ozone, chat, postgres);
		}

		/** How {@code run.sh} and {@code peer.js} are told these ports. */
		Map<String, String> environment() {
			return Map.of("PEER_PLC_PORT", Integer.toString(plc), "PEER_PDS_PORT", Integer.toString(pds),
					"PEER_APPVIEW_PORT", Integer.toString(appView), "PEER_OZONE_PORT", Integer.toString(ozone),
					"PEER_CHAT_PORT", Integer.toString(chat), "PEER_PG_PORT", Integer.toString(postgres));
		}
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

	/**
	 * Starts a peer on free ports and waits until it answers.
	 * @throws IllegalStateException when it does not start within two minutes; what it started is stopped
	 */
	static AtprotoPeer start() throws IOException, InterruptedException {
		for (int attempt = 1;; attempt++) {
			AtprotoPeer peer = launch(Ports.free());
			try {
				peer.awaitReady();
				return peer;
			}
			catch (IllegalStateException notStarted) {
				String log = peer.log();
				peer.close();
				// Another process may take a chosen port between its choice and the peer's bind: choose again.
				boolean portTaken = log.contains("EADDRINUSE") || log.contains("Address already in use");
				if (!portTaken || attempt == START_ATTEMPTS) {
					throw notStarted;
				}
			}
			catch (IOException | InterruptedException | RuntimeException ex) {
				peer.close();
				throw ex;
			}
		}
	}

	private static AtprotoPeer launch(Ports ports) throws IOException {
		Path home = home();
		Path log = Files.createTempFile("vigie-atproto-peer", ".log");
		Path scratch = Files.createTempDirectory("vigie-atproto-peer");
		ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("run.sh").toString())
			.directory(home.toFile())
			.redirectError(log.toFile());
		builder.environment().putAll(ports.environment());
		builder.environment().put("PEER_SCRATCH", scratch.toString());
		AtprotoPeer peer = new AtprotoPeer(builder.start(), ports, scratch, log);
		Runtime.getRuntime().addShutdownHook(peer.shutdownHook);
		return peer;
	}

	private void awaitReady() throws IOException, InterruptedException {
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
			throw new IllegalStateException("The AT Protocol peer did not start within " + START_TIMEOUT.toSeconds()
					+ " s on ports " + ports + "; its log:\n" + log());
		}
		JsonNode urls = XrpcClient.JSON.readTree(ready[0]);
		pdsUrl = urls.path("pds").asString();
	}

	String pdsUrl() {
		return pdsUrl;
	}

	Ports ports() {
		return ports;
	}

	/** PostgreSQL's data folder and node's temporary files; gone once the peer is closed. */
	Path scratch() {
		return scratch;
	}

	String log() throws IOException {
		return Files.exists(log) ? Files.readString(log) : "";
	}

	/**
	 * The peer's processes now, each before its children: the launcher and everything under it, and
	 * PostgreSQL's postmaster with its children should it have left the launcher's tree.
	 */
	List<ProcessHandle> processes() {
		List<ProcessHandle> all = new ArrayList<>();
		all.add(process.toHandle());
		process.descendants().forEach(all::add);
		postmaster().filter(p -> !all.contains(p)).ifPresent(p -> {
			all.add(p);
			p.descendants().forEach(all::add);
		});
		return all;
	}

	private Optional<ProcessHandle> postmaster() {
		try (Stream<String> lines = Files.lines(scratch.resolve("pg/postmaster.pid"))) {
			return lines.findFirst()
				.map(String::strip)
				.map(Long::parseLong)
				.flatMap(ProcessHandle::of)
				// the file outlives a killed postmaster: never take another process that reuses its pid
				.filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
		}
		catch (IOException | NumberFormatException notRunningOrUnreadable) {
			return Optional.empty();
		}
	}

	/**
	 * Stops every process of the peer and removes its files; waits at most about twenty seconds.
	 * @throws IllegalStateException when a process is still alive after being killed
	 */
	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook stops the peer itself
		}
		List<ProcessHandle> survivors = stop();
		if (!survivors.isEmpty()) {
			throw new IllegalStateException("AT Protocol peer processes still alive after being killed: "
					+ survivors.stream().map(ProcessHandle::pid).toList());
		}
	}

	/** Stops the whole tree, children before parents, and kills what is left after a grace period. */
	private synchronized List<ProcessHandle> stop() {
		if (stopped) {
			return List.of();
		}
		stopped = true;
		// Taken before anything stops: a child whose parent has exited is no longer listed under it.
		List<ProcessHandle> tree = processes();
		try {
			process.getOutputStream().close();
		}
		catch (IOException alreadyClosed) {
			// the launcher is gone; its children are still signalled below
		}
		for (int i = tree.size() - 1; i >= 0; i--) {
			tree.get(i).destroy();
		}
		List<ProcessHandle> left = awaitExit(tree, STOP_GRACE);
		left.forEach(ProcessHandle::destroyForcibly);
		List<ProcessHandle> survivors = awaitExit(left, KILL_WAIT);
		deleteTree(scratch);
		deleteTree(log);
		return survivors;
	}

	private static List<ProcessHandle> awaitExit(List<ProcessHandle> processes, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		for (ProcessHandle p : processes) {
			long left = Duration.between(Instant.now(), deadline).toMillis();
			try {
				p.onExit().get(Math.max(left, 1), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | ExecutionException stillRunning) {
				// counted below
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return processes.stream().filter(ProcessHandle::isAlive).toList();
	}

	private static void deleteTree(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (NoSuchFileException gone) {
			// removed by the launcher already
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove the peer's files in " + root, ex);
		}
	}
}
