package org.vigie.bench.listen;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.vigie.archive.ArchivePreview;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.QuerySyntaxException;
import org.vigie.archive.SearchQuery;
import org.vigie.archive.StandaloneArchive;
import org.vigie.ingest.IncomingItem;
import org.vigie.shared.ItemId;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;

/**
 * The listening preview on a large archive: what the listening page asks while a query is typed
 * (matches over the last 7 and 30 days and the 5 newest, {@link StandaloneArchive#preview}, the
 * same call as {@code Archive.preview}), timed for a set of realistic queries.
 *
 * <p>The archive is built once into {@code DIR} (default {@code vigie-bench/target/preview-archive})
 * with {@code ITEMS} items (default 1,000,000) and reused by later runs: the ≈ 48,000 real tweets of
 * the listening corpus (TweetEval English, UMSAB French), repeated with new ids, networks, authors,
 * shows and creation times spread over the 90 days before "now" — repeating raises match counts,
 * which only makes previews slower. Queries: the listening benchmark's generator (names, hashtags,
 * phrases, NEAR, wildcards, exclusions, fields) over the rare words and over the common words, the
 * successive prefixes of some of them as they are typed (each one that parses), and a few of the
 * broadest queries one can type ({@code the}, {@code de}, {@code lo*}…).
 *
 * <pre>
 * java -cp vigie-bench/target/vigie-bench.jar org.vigie.bench.listen.PreviewHarness [DIR] [ITEMS]
 * </pre>
 *
 * Prints p50 / p95 / max of wall-clock time (what the user waits for, with the load average next to
 * it) and of the thread's CPU time.
 */
public final class PreviewHarness {

	private static final Network[] NETWORKS = Network.values();

	static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

	private PreviewHarness() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "vigie-bench/target/preview-archive");
		int wanted = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
		List<IncomingItem> corpus = ListeningCorpus.items();
		try (StandaloneArchive archive = StandaloneArchive.open(dir)) {
			if (archive.size() < wanted) {
				build(archive, corpus, wanted);
			}
			System.out.printf(Locale.ROOT, "%,d items in %s%n", archive.size(), dir.toAbsolutePath());
			List<String> queries = queries(corpus);
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			for (String q : queries) {
				archive.preview(SearchQuery.parse(q), NOW, 5);
			}
			int rounds = 3;
			long[] wall = new long[queries.size() * rounds];
			long[] cpu = new long[wall.length];
			long matches = 0;
			int k = 0;
			String slowest = "";
			long slowestNanos = 0;
			for (int r = 0; r < rounds; r++) {
				for (String q : queries) {
					long c0 = threads.getCurrentThreadCpuTime();
					long w0 = System.nanoTime();
					ArchivePreview p = archive.preview(SearchQuery.parse(q), NOW, 5);
					wall[k] = System.nanoTime() - w0;
					cpu[k] = threads.getCurrentThreadCpuTime() - c0;
					if (wall[k] > slowestNanos) {
						slowestNanos = wall[k];
						slowest = q + "  (" + p.last30() + " matches in 30 days)";
					}
					matches += p.last30();
					k++;
				}
			}
			System.out.printf(Locale.ROOT, "%d queries × %d rounds, %.0f matches in 30 days on average; load average %s%n",
					queries.size(), rounds, matches / (double) k, loadAverage());
			System.out.printf(Locale.ROOT, "  wall ms: p50 %.1f  p95 %.1f  max %.1f%n", pct(wall, 50), pct(wall, 95), pct(wall, 100));
			System.out.printf(Locale.ROOT, "  CPU ms:  p50 %.1f  p95 %.1f  max %.1f%n", pct(cpu, 50), pct(cpu, 95), pct(cpu, 100));
			System.out.printf(Locale.ROOT, "  slowest: %s%n", slowest);
		}
	}

	private static void build(StandaloneArchive archive, List<IncomingItem> corpus, int wanted) {
		long started = System.nanoTime();
		long have = archive.size();
		Random random = new Random(11);
		ShowId[] shows = { ShowId.of("01900000-0000-7000-8000-000000000001"), ShowId.of("01900000-0000-7000-8000-000000000002"),
				ShowId.of("01900000-0000-7000-8000-000000000003"), null };
		List<ArchivedItem> batch = new ArrayList<>(10_000);
		for (long i = have; i < wanted; i++) {
			ArchivedItem base = ArchivedItem.of(corpus.get((int) (i % corpus.size())));
			Instant created = NOW.minusSeconds((long) (random.nextDouble() * 90 * 86_400));
			batch.add(new ArchivedItem(ItemId.generate(), base.text(), base.lang(), NETWORKS[(int) (i % NETWORKS.length)],
					shows[(int) (i % shows.length)], null, List.of("fan" + (i % 50_000)), "Fan " + (i % 50_000),
					base.hashtags(), base.mentions(), base.hasLink(), base.hasMedia(), base.sentiment(), base.kind(), created));
			if (batch.size() == 10_000) {
				archive.add(batch);
				batch.clear();
				if ((i + 1) % 100_000 == 0) {
					System.out.printf(Locale.ROOT, "  indexed %,d items…%n", i + 1);
				}
			}
		}
		archive.add(batch);
		archive.commit();
		System.out.printf(Locale.ROOT, "Built the archive: %,d items in %,d s%n", wanted - have,
				(System.nanoTime() - started) / 1_000_000_000L);
	}

	/** Rare-word and common-word queries, and what is typed on the way to some of them. */
	static List<String> queries(List<IncomingItem> corpus) {
		Set<String> out = new LinkedHashSet<>();
		// The broadest things one types: the most frequent words, phrases and prefixes.
		out.addAll(List.of("the", "de", "love", "\"je suis\"", "i NEAR/3 love", "lo*", "the -love lang:en", "c'est"));
		out.addAll(ListeningCorpus.queries(corpus, 100, 3, 2_000));
		List<String> common = ListeningCorpus.queries(corpus, 100, 5, 150);
		out.addAll(common);
		for (String q : common.subList(0, 20)) {
			for (int end = 1; end < q.length(); end++) {
				if (q.charAt(end) == ' ') {
					String typed = q.substring(0, end);
					try {
						SearchQuery.parse(typed);
						out.add(typed);
					}
					catch (QuerySyntaxException e) {
						// not a query yet: the preview shows the error, the archive is not asked
					}
				}
			}
		}
		return new ArrayList<>(out);
	}

	private static double pct(long[] nanos, int p) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, i)] / 1e6;
	}

	private static String loadAverage() {
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		return String.format(Locale.ROOT, "%.2f on %d cores", load, Runtime.getRuntime().availableProcessors());
	}
}
