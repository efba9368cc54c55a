package org.vigie.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;

/**
 * Runs every file of feedparser's test suite and of ROME's test feeds through the RSS connector,
 * served over HTTP on loopback with the suite's {@code Content-Type}. A well-formed feed passes when
 * it yields all its entries; an ill-formed one passes with a clear {@link ConnectorException} or a
 * lenient parse: nothing else may escape the connector. Separately, feedparser's {@code Expect:}
 * expressions are checked where they concern what Vigie keeps (titles, links, ids, sanitised
 * content). The figures per folder go to {@code target/feed-corpus-report.txt}.
 */
class FeedCorpusTests {

	private static final Logger log = LoggerFactory.getLogger(FeedCorpusTests.class);

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC);

	private static final Map<String, FeedCorpus.Case> served = new ConcurrentHashMap<>();

	private static HttpServer server;

	private static final RssConnectorFactory FACTORY = new RssConnectorFactory(CLOCK);

	/** What must never survive sanitising: active content, event handlers, script URLs, styles, frames, forms. */
	private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile(
			"<\\s*(script|style|iframe|frame|object|embed|applet|form|input|button|meta|link|base|svg|math)\\b"
					+ "|\\son\\w+\\s*=|javascript:|vbscript:|data:text/html|\\sstyle\\s*=|expression\\s*\\(",
			java.util.regex.Pattern.CASE_INSENSITIVE);

	@BeforeAll
	static void serve() throws IOException {
		// Without TCP_NODELAY each small response waits for the client's delayed ACK (~40 ms a file).
		System.setProperty("sun.net.httpserver.nodelay", "true");
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			FeedCorpus.Case c = served.get(exchange.getRequestURI().getPath());
			if (c == null) {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().add("Content-Type", c.contentType());
			exchange.sendResponseHeaders(200, c.body().length == 0 ? -1 : c.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(c.body());
			}
		});
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop(0);
	}

	@Test
	void readsEveryWellFormedFeedAndNeverCrashesOnIllFormedOnes() throws IOException {
		List<Result> results = new ArrayList<>();
		for (String suite : List.of("feedparser-tests", "rome-feeds")) {
			for (FeedCorpus.Case c : FeedCorpus.load(suite)) {
				results.add(run(c));
			}
		}
		String report = report(results);
		Path out = Path.of("target", "feed-corpus-report.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report + "\n" + failures(results), StandardCharsets.UTF_8);
		log.info("Feed corpus:\n{}", report);

		assertThat(results).as("files").hasSizeGreaterThan(2000);
		assertThat(results.stream().filter(r -> r.outcome == Outcome.CRASH).map(r -> r.c.name() + ": " + r.detail))
			.as("exceptions other than ConnectorException escaping the connector").isEmpty();
		assertThat(results.stream().filter(r -> r.c.expectsBozo() && !r.accepted()).map(r -> r.c.name()))
			.as("ill-formed feeds not handled").isEmpty();
		assertThat(results.stream().filter(r -> r.unsafe != null).map(r -> r.c.name() + ": " + r.unsafe))
			.as("sanitised entry HTML with active content left in it").isEmpty();
		long wellFormed = results.stream().filter(r -> !r.c.expectsBozo() && isFeedFolder(r.c)).count();
		long read = results.stream().filter(r -> !r.c.expectsBozo() && isFeedFolder(r.c) && r.accepted()).count();
		assertThat((double) read / wellFormed).as("well-formed feeds yielding all their entries").isGreaterThan(0.95);
	}

	private Result run(FeedCorpus.Case c) {
		String path = "/" + c.name().replace(' ', '_');
		served.put(path, c);
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
		var connector = FACTORY.open(new AccountCredentials(url, url, url, Map.of(), null));
		Result result;
		try {
			Batch batch = connector.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);
			result = new Result(c, Outcome.ENTRIES, batch.items().size() + batch.rejected().size(), "");
			if (batch.items().stream().anyMatch(i -> i.externalId().length() > FeedEntryMapper.MAX_ID_LENGTH)) {
				result = new Result(c, Outcome.CRASH, 0, "external id too long");
			}
		}
		catch (ConnectorException ex) {
			result = new Result(c, ex.getMessage() == null || ex.getMessage().isBlank() ? Outcome.CRASH
					: Outcome.CLEAR_ERROR, 0, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			result = new Result(c, Outcome.CRASH, 0, ex.toString());
		}
		finally {
			served.remove(path);
		}
		FeedExpectations.Reading reading;
		try {
			FeedDocumentParser.Parsed parsed = FeedDocumentParser.parse(c.body(), c.contentType());
			reading = new FeedExpectations.Reading(parsed.feed(), parsed.lenient());
			result.parsedEntries = parsed.feed().getEntries().size();
			result.unsafe = parsed.feed().getEntries().stream()
				.map(e -> FeedEntryMapper.entry(parsed.feed(), e, java.net.URI.create(url), CLOCK.instant()).html())
				.filter(html -> UNSAFE.matcher(html).find()).findFirst().orElse(null);
			result.distinctIds = (int) parsed.feed().getEntries().stream()
				.map(e -> FeedEntryMapper.entry(parsed.feed(), e, java.net.URI.create(url), CLOCK.instant()).externalId())
				.distinct().count();
		}
		catch (FeedDocumentParser.UnreadableFeedException | RuntimeException ex) {
			reading = new FeedExpectations.Reading(null, true);
		}
		if (c.suite().equals("feedparser-tests")) {
			try {
				result.expectation = FeedExpectations.evaluate(c.expect(), reading);
			}
			catch (RuntimeException unsupported) {
				result.expectation = Optional.empty();
			}
		}
		return result;
	}

	private static boolean isFeedFolder(FeedCorpus.Case c) {
		return !c.folder().startsWith("opml") && !c.folder().equals("json");
	}

	private static String report(List<Result> results) {
		Map<String, List<Result>> byFolder = new TreeMap<>();
		results.forEach(r -> byFolder.computeIfAbsent(r.c.suite() + "/" + r.c.folder(), k -> new ArrayList<>()).add(r));
		StringBuilder out = new StringBuilder(String.format("%-40s %6s %9s %7s   %10s %8s %7s%n", "folder", "files",
				"accepted", "rate", "expect-n/a", "matched", "rate"));
		int[] total = new int[4];
		byFolder.forEach((folder, rs) -> {
			int accepted = (int) rs.stream().filter(Result::accepted).count();
			int applicable = (int) rs.stream().filter(r -> r.expectation.isPresent()).count();
			int matched = (int) rs.stream().filter(r -> r.expectation.orElse(false)).count();
			out.append(line(folder, rs.size(), accepted, applicable, matched));
			total[0] += rs.size();
			total[1] += accepted;
			total[2] += applicable;
			total[3] += matched;
		});
		out.append(line("TOTAL", total[0], total[1], total[2], total[3]));
		out.append(String.format("entries whose sanitised HTML still holds active content: %d (in %d files)%n",
				results.stream().filter(r -> r.unsafe != null).count(), results.size()));
		return out.toString();
	}

	private static String line(String folder, int files, int accepted, int applicable, int matched) {
		return String.format("%-40s %6d %9d %6.1f%%   %4d/%-5d %8d %6.1f%%%n", folder, files, accepted,
				100.0 * accepted / files, files - applicable, files, matched,
				applicable == 0 ? 0.0 : 100.0 * matched / applicable);
	}

	private static String failures(List<Result> results) {
		StringBuilder out = new StringBuilder("Not accepted:\n");
		results.stream().filter(r -> !r.accepted()).forEach(r -> out.append("  ").append(r.c.name()).append(" [")
			.append(r.outcome).append(", ").append(r.yielded).append("/").append(r.distinctIds).append("/").append(r.c.entries()).append(" entries] ")
			.append(r.detail).append('\n'));
		out.append("Expectation not met:\n");
		results.stream().filter(r -> r.expectation.isPresent() && !r.expectation.get())
			.forEach(r -> out.append("  ").append(r.c.name()).append(": ").append(r.c.expect()).append('\n'));
		return out.toString();
	}

	enum Outcome {
		/** The connector returned a page. */
		ENTRIES,
		/** The connector said in words why it could not read the feed. */
		CLEAR_ERROR,
		/** Something else escaped: the poller would have stopped. */
		CRASH
	}

	private static final class Result {

		final FeedCorpus.Case c;

		final Outcome outcome;

		final int yielded;

		final String detail;

		Optional<Boolean> expectation = Optional.empty();

		int parsedEntries = -1;

		int distinctIds = -1;

		@org.jspecify.annotations.Nullable String unsafe;

		Result(FeedCorpus.Case c, Outcome outcome, int yielded, String detail) {
			this.c = c;
			this.outcome = outcome;
			this.yielded = yielded;
			this.detail = detail;
		}

		/**
		 * Ill-formed: handled without crashing. Well-formed: every entry came out (entries repeating
		 * the id of an earlier one are the same entry, and come out once).
		 */
		boolean accepted() {
			if (outcome == Outcome.CRASH) {
				return false;
			}
			if (c.expectsBozo() || !isFeedFolder(c)) {
				return outcome == Outcome.ENTRIES || outcome == Outcome.CLEAR_ERROR;
			}
			return outcome == Outcome.ENTRIES && parsedEntries == c.entries() && yielded == distinctIds;
		}
	}
}
