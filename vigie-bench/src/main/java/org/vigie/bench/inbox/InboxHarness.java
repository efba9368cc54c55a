package org.vigie.bench.inbox;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigie.VigieApplication;
import org.vigie.archive.Archive;
import org.vigie.inbox.InboxFilter;
import org.vigie.inbox.InboxOrder;
import org.vigie.inbox.InboxQuery;
import org.vigie.inbox.ItemPage;
import org.vigie.inbox.ItemStatus;
import org.vigie.inbox.Visibility;
import org.vigie.shared.AccountId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;
import org.vigie.storage.LocalPostgres;

/**
 * The inbox's first page under load, server-side: the application context is started on a database
 * holding {@code --items} items (generated on first run by {@link InboxData}, then reused), the
 * archive is built, and {@code --users} threads ask {@link InboxQuery#page} for the first page
 * (50 items) with one filter at a time, the same call the inbox page and the items API make.
 * Prints p50 / p95 / p99 / max of the wall-clock time per filter and for all filters mixed, with
 * the load average before and after (the machine may be shared), and the CPU time of the calling
 * thread per request (p50, p95: SQLite's work is counted there, PostgreSQL's is in its own processes).
 *
 * <pre>
 * vigie-bench/inbox-bench.sh --db sqlite   --items 1000000 --users 20 [--dir DIR] [--rounds 60]
 * vigie-bench/inbox-bench.sh --db postgres --items 1000000 --users 20
 * </pre>
 */
public final class InboxHarness {

	private static final PrintStream OUT = System.out;

	private InboxHarness() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> opts = options(args);
		String db = opts.getOrDefault("db", "sqlite");
		int items = Integer.parseInt(opts.getOrDefault("items", "1000000"));
		int users = Integer.parseInt(opts.getOrDefault("users", "20"));
		int rounds = Integer.parseInt(opts.getOrDefault("rounds", "60"));
		Path dir = Path.of(opts.getOrDefault("dir", "target/inbox-bench-" + db)).toAbsolutePath();
		List<String> props = new ArrayList<>(List.of("vigie.storage.data-dir=" + dir,
				"vigie.storage.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
				"vigie.storage.max-pool-size=" + (users + 4), "logging.level.root=WARN", "logging.level.org.vigie=INFO",
				"spring.main.banner-mode=off", "vigie.simulator.demo=false", "vigie.simulator.generator-enabled=false",
				"vigie.ingest.scheduler-enabled=false", "server.port=0"));
		LocalPostgres pg = null;
		if (db.equals("postgres")) {
			String url = opts.get("url");
			if (url == null) {
				// Settings of a small dedicated server: the benchmark measures queries, not durability.
				pg = LocalPostgres.kept(dir.resolve("pg"), "shared_buffers=1GB", "effective_cache_size=4GB", "work_mem=16MB",
						"maintenance_work_mem=512MB");
				url = pg.jdbcUrl("postgres");
			}
			props.add("vigie.storage.db-url=" + url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
			props.add("vigie.storage.db-user=" + opts.getOrDefault("user", "vigie"));
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VigieApplication.class)
			// As command-line arguments, so that they win over application.yml's environment defaults.
			.run(props.stream().map(p -> "--" + p).toArray(String[]::new))) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			InboxData data = new InboxData(jdbc, context.getBean(javax.sql.DataSource.class), context.getBean(Clock.class));
			long have = data.count();
			if (have < items) {
				OUT.printf("Generating %,d items in %s (%s)…%n", items - have, db, dir);
				long t = System.nanoTime();
				data.generate(items - (int) have);
				OUT.printf("  done in %,d s%n", (System.nanoTime() - t) / 1_000_000_000L);
			}
			Archive archive = context.getBean(Archive.class);
			if (archive.size() < data.count()) {
				OUT.printf("Indexing %,d items in the archive…%n", data.count());
				long t = System.nanoTime();
				archive.rebuild();
				OUT.printf("  done in %,d s%n", (System.nanoTime() - t) / 1_000_000_000L);
			}
			if (db.equals("postgres")) {
				// Fresh statistics after bulk loading, as autovacuum would gather them in time.
				jdbc.sql("ANALYZE").update();
			}
			run(db, context.getBean(InboxQuery.class), data, users, rounds);
		}
		finally {
			if (pg != null) {
				pg.close();
			}
		}
	}

	static void run(String db, InboxQuery query, InboxData data, int users, int rounds) throws Exception {
		Map<String, InboxFilter> scenarios = scenarios(data);
		Visibility all = Visibility.EVERYTHING;
		Visibility cm = new Visibility(false, Set.of(ShowId.of(data.shows().get(0)), ShowId.of(data.shows().get(1))));
		OUT.printf("%nInbox first page (50 items), %s, %,d items, %d concurrent users, %d requests per user per filter%n",
				db, data.count(), users, rounds);
		OUT.printf("Load average before: %s%n", loadAverage());
		for (var e : scenarios.entrySet()) {
			query.page(all, e.getValue(), true, null, 50);
		}
		ExecutorService pool = Executors.newFixedThreadPool(users);
		try {
			// Warm-up: every filter a few times on every thread.
			measure(pool, users, 5, () -> {
				for (InboxFilter f : scenarios.values()) {
					query.page(all, f, true, null, 50);
				}
			});
			OUT.printf("%-28s %8s %8s %8s %8s %8s %6s %8s %8s%n", "filter", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean", "hits",
					"cpu p50", "cpu p95");
			List<Long> everything = new ArrayList<>();
			for (var e : scenarios.entrySet()) {
				Visibility v = e.getKey().startsWith("cm:") ? cm : all;
				int[] hits = new int[1];
				long[] lat = measure(pool, users, rounds, () -> {
					ItemPage page = query.page(v, e.getValue(), true, null, 50);
					hits[0] = page.items().size();
				});
				for (long l : lat) {
					everything.add(l);
				}
				print(e.getKey(), lat, hits[0]);
			}
			List<InboxFilter> mix = new ArrayList<>(scenarios.values());
			long[] mixed = measure(pool, users, rounds, () -> {
				InboxFilter f = mix.get(ThreadLocalRandom.current().nextInt(mix.size()));
				query.page(all, f, true, null, 50);
			});
			print("all filters, mixed", mixed, -1);
			lastCpu = new long[0];
			print("all runs above", everything.stream().mapToLong(Long::longValue).toArray(), -1);
			OUT.printf("Load average after: %s%n", loadAverage());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The 1, 5 and 15 minute load averages, to read wall-clock figures of a shared machine. */
	static String loadAverage() {
		try {
			return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (java.io.IOException e) {
			return "unknown";
		}
	}

	static Map<String, InboxFilter> scenarios(InboxData data) {
		Instant now = data.now();
		Map<String, InboxFilter> s = new LinkedHashMap<>();
		InboxFilter open = InboxFilter.ALL.withStatuses(Set.of(ItemStatus.OPEN));
		s.put("none (every status)", InboxFilter.ALL);
		s.put("status=open (default view)", open);
		s.put("status=open, by priority", open.withOrder(InboxOrder.PRIORITY));
		s.put("show", with(f -> f.shows = Set.of(ShowId.of(data.shows().get(2)))));
		s.put("account", with(f -> f.accounts = Set.of(AccountId.of(data.accounts().get(5)))));
		s.put("network=bluesky", with(f -> f.networks = Set.of(Network.BLUESKY)));
		s.put("kind=direct_message", with(f -> f.kinds = Set.of(ItemKind.DIRECT_MESSAGE)));
		s.put("lang=en", with(f -> f.langs = Set.of("en")));
		s.put("sentiment=negative", with(f -> f.sentiments = Set.of("negative")));
		s.put("status=snoozed", InboxFilter.ALL.withStatuses(Set.of(ItemStatus.SNOOZED)));
		s.put("assignee", with(f -> f.assignee = data.users().get(0)));
		s.put("tag=sav", with(f -> f.tag = "sav"));
		s.put("listening query", with(f -> f.query = data.query()));
		s.put("date range (a week)", with(f -> {
			f.from = now.minus(Duration.ofDays(40));
			f.to = now.minus(Duration.ofDays(33));
		}));
		s.put("free text: finale", with(f -> f.text = "finale"));
		s.put("free text: « l'émission »", with(f -> f.text = "émissions"));
		s.put("free text + status=open", new InboxFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
				Set.of(), Set.of(ItemStatus.OPEN), null, null, null, null, null, "finale", InboxOrder.TIME));
		s.put("cm: status=open, 2 shows", open);
		return s;
	}

	private static InboxFilter with(java.util.function.Consumer<Mutable> change) {
		Mutable m = new Mutable();
		change.accept(m);
		return new InboxFilter(m.shows, m.accounts, m.networks, m.kinds, m.langs, m.sentiments, Set.of(), m.assignee, m.tag,
				m.query, m.from, m.to, m.text, InboxOrder.TIME);
	}

	private static final class Mutable {

		Set<ShowId> shows = Set.of();

		Set<AccountId> accounts = Set.of();

		Set<Network> networks = Set.of();

		Set<ItemKind> kinds = Set.of();

		Set<String> langs = Set.of();

		Set<String> sentiments = Set.of();

		String assignee;

		String tag;

		String query;

		Instant from;

		Instant to;

		String text;
	}

	/** CPU nanoseconds of the calls of the last {@link #measure}, in this JVM (SQLite's work included, PostgreSQL's not). */
	private static long[] lastCpu = new long[0];

	/** Runs {@code task} {@code rounds} times on each of {@code users} threads at once; returns each call's nanoseconds. */
	static long[] measure(ExecutorService pool, int users, int rounds, Runnable task) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		List<Future<long[][]>> futures = new ArrayList<>();
		for (int u = 0; u < users; u++) {
			futures.add(pool.submit(() -> {
				long[][] out = new long[2][rounds];
				for (int i = 0; i < rounds; i++) {
					long c = threads.getCurrentThreadCpuTime();
					long t = System.nanoTime();
					task.run();
					out[0][i] = System.nanoTime() - t;
					out[1][i] = threads.getCurrentThreadCpuTime() - c;
				}
				return out;
			}));
		}
		long[] all = new long[users * rounds];
		long[] cpu = new long[users * rounds];
		int i = 0;
		for (Future<long[][]> f : futures) {
			long[][] part = f.get();
			System.arraycopy(part[0], 0, all, i, rounds);
			System.arraycopy(part[1], 0, cpu, i, rounds);
			i += rounds;
		}
		lastCpu = cpu;
		return all;
	}

	static void print(String name, long[] nanos, int hits) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
		long[] cpu = lastCpu.clone();
		Arrays.sort(cpu);
		OUT.printf("%-28s %8.1f %8.1f %8.1f %8.1f %8.1f %6s %8.2f %8.2f%n", name, pct(sorted, 50), pct(sorted, 95),
				pct(sorted, 99), sorted[sorted.length - 1] / 1e6, mean, hits < 0 ? "" : Integer.toString(hits),
				cpu.length == 0 ? 0 : pct(cpu, 50), cpu.length == 0 ? 0 : pct(cpu, 95));
	}

	static double pct(long[] sorted, double p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> out = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Expected --name value, got " + args[i]);
			}
			out.put(args[i].substring(2), args[i + 1]);
		}
		return out;
	}
}
