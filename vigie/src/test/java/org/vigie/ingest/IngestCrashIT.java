package org.vigie.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.vigie.MutableClock;
import org.vigie.TestClockConfiguration;
import org.vigie.shared.Network;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.Simulator;
import org.vigie.storage.TestDirs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingestion killed hard in the middle of a page and restarted loses nothing and duplicates nothing,
 * counted against the simulator's ground truth. Ingestion runs in a child JVM ({@link IngestCrashChild}:
 * the application on an SQLite file, polling X mentions from this test's simulator over HTTP); it is
 * killed with SIGKILL ({@link Process#destroyForcibly()}) at three points of a page: while the page's
 * items run through the stages, halfway through writing its rows, and with rows and cursor written
 * but not committed. Then a last child runs until the feed is caught up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClockConfiguration.class)
class IngestCrashIT {

	@Autowired
	Simulator simulator;

	@Autowired
	MutableClock clock;

	@Test
	void aProcessKilledInTheMiddleOfPagesLosesNothingAndDuplicatesNothing() throws Exception {
		SimUser me = simulator.world().addUser(Network.X, "crash_test_show", "Crash Test", 100, true, "fr");
		SimUser fan = simulator.world().addUser(Network.X, "crash_test_fan", "Fan", 10, false, "fr");
		SimAuth.Issued tokens = simulator.auth().issue(Network.X, me.id(), Duration.ofHours(6), true, clock.instant());
		for (int i = 0; i < 430; i++) {
			simulator.world().post(Network.X, fan, "@" + me.handle() + " n°" + i, clock.instant(), null, null, "fr", null);
		}
		clock.advance(Duration.ofMinutes(1));
		for (int i = 0; i < 40; i++) {
			simulator.world().post(Network.X, fan, "@" + me.handle() + " plus tard " + i, clock.instant(), null, null, "fr", null);
		}
		clock.advance(Duration.ofSeconds(1));
		Set<String> truth = new HashSet<>();
		simulator.world().mentionsOf(Network.X, me, clock.instant()).stream().map(SimPost::id).forEach(truth::add);
		assertThat(truth).hasSize(470);

		Path dataDir = TestDirs.create("ingest-crash");
		List<String> common = List.of(dataDir.toString(), simulator.baseUrl(Network.X), me.handle(), me.id(),
				tokens.accessToken(), tokens.refreshToken(), Long.toString(tokens.expiresAt().toEpochMilli()));
		List<String> published = new ArrayList<>();
		// Pages hold 100 items; each run resumes from the cursor the previous one committed.
		List<String> crashPoints = List.of("insert:150", "stage:130", "commit:150");
		int previous = 0;
		for (String point : crashPoints) {
			Run run = start(common, point);
			String line = run.await(l -> l.startsWith(IngestCrashChild.CRASH_POINT) || l.startsWith(IngestCrashChild.DONE));
			assertThat(line).as("the child reached its crash point " + point).startsWith(IngestCrashChild.CRASH_POINT);
			run.process.destroyForcibly();
			assertThat(run.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
			assertThat(run.process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
			published.addAll(run.published());
			int stored = count(dataDir);
			System.out.printf("crash test: killed at %s (child ready after %s ms): %d of %d items committed%n", point,
					run.readyMillis(), stored, truth.size());
			assertThat(stored).as("some but not all items committed after the kill at " + point)
				.isGreaterThan(previous).isLessThan(truth.size());
			previous = stored;
		}
		Run last = start(common, "none");
		String done = last.await(l -> l.startsWith(IngestCrashChild.DONE) || l.startsWith(IngestCrashChild.CRASH_POINT));
		assertThat(last.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(done).isEqualTo(IngestCrashChild.DONE + "CAUGHT_UP");
		assertThat(last.process.exitValue()).isZero();
		published.addAll(last.published());
		System.out.printf("crash test: the last run (ready after %s ms) caught up%n", last.readyMillis());

		List<String> stored = externalIds(dataDir);
		assertThat(stored).as("nothing duplicated").doesNotHaveDuplicates();
		assertThat(stored).as("nothing lost").hasSameSizeAs(truth).containsExactlyInAnyOrderElementsOf(truth);
		assertThat(itemsCounted(dataDir)).as("the feed's count of stored items").isEqualTo(truth.size());
		assertThat(published).as("each item announced once as new").doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(truth);
	}

	private static String jdbcUrl(Path dataDir) {
		return "jdbc:sqlite:" + dataDir.resolve("vigie.db").toAbsolutePath();
	}

	private static int count(Path dataDir) throws SQLException {
		return externalIds(dataDir).size();
	}

	private static List<String> externalIds(Path dataDir) throws SQLException {
		List<String> ids = new ArrayList<>();
		try (var c = DriverManager.getConnection(jdbcUrl(dataDir));
				var s = c.prepareStatement("SELECT external_id FROM items WHERE network = 'x'");
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getString(1));
			}
		}
		return ids;
	}

	private static long itemsCounted(Path dataDir) throws SQLException {
		try (var c = DriverManager.getConnection(jdbcUrl(dataDir));
				var s = c.prepareStatement("SELECT COALESCE(SUM(items_stored), 0) FROM ingest_feeds");
				ResultSet rs = s.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** A child JVM and the lines it printed. */
	private record Run(Process process, BlockingQueue<String> lines, List<String> seen) {

		String await(Predicate<String> wanted) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			while (System.nanoTime() < deadline) {
				String line = lines.poll(1, TimeUnit.SECONDS);
				if (line != null) {
					seen.add(line);
					if (wanted.test(line)) {
						return line;
					}
				}
				else if (!process.isAlive() && lines.isEmpty()) {
					break;
				}
			}
			throw new AssertionError("The child printed neither what was awaited nor ended well; last lines: "
					+ seen.subList(Math.max(0, seen.size() - 30), seen.size()));
		}

		String readyMillis() {
			return seen.stream().filter(l -> l.startsWith(IngestCrashChild.READY)).findFirst()
				.map(l -> l.substring(IngestCrashChild.READY.length())).orElse("?");
		}

		/** The items it announced, once its output is closed. */
		List<String> published() throws InterruptedException {
			List<String> out = new ArrayList<>();
			for (String line : seen) {
				if (line.startsWith(IngestCrashChild.PUBLISHED)) {
					out.add(line.substring(IngestCrashChild.PUBLISHED.length()));
				}
			}
			// Up to the end of its output (the reader always marks it), however slowly a loaded
			// machine hands over the last lines: a pause of a few seconds is not the end.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			while (System.nanoTime() < deadline) {
				String line = lines.poll(1, TimeUnit.SECONDS);
				if (line == null) {
					continue;
				}
				if (line.equals(EOF)) {
					return out;
				}
				if (line.startsWith(IngestCrashChild.PUBLISHED)) {
					out.add(line.substring(IngestCrashChild.PUBLISHED.length()));
				}
			}
			throw new AssertionError("The child's output did not end within 90 s");
		}
	}

	private static final String EOF = "\u0000EOF";

	private static Run start(List<String> common, String crashPoint) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				IngestCrashChild.class.getName()));
		command.addAll(common);
		command.add(crashPoint);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = in.readLine()) != null) {
					lines.add(line);
				}
			}
			catch (IOException closed) {
				// the child died
			}
			lines.add(EOF);
		}, "crash-child-output");
		reader.setDaemon(true);
		reader.start();
		return new Run(process, lines, new ArrayList<>());
	}
}
