package org.vigie.bench.listen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.ItemAnalysis;
import org.vigie.archive.ItemDocuments;
import org.vigie.ingest.IncomingItem;
import org.vigie.listen.QueryMatcher;

/**
 * The listening benchmark measured in CPU time of the matching thread, so that the figure is
 * items per second per core even on a machine busy with other work (where JMH's wall-clock
 * throughput understates it). Same corpus, queries and two paths as {@link ListeningBenchmark};
 * rounds alternate between the paths so both see the same machine.
 *
 * <pre>
 * java -cp vigie-bench/target/vigie-bench.jar org.vigie.bench.listen.ListeningHarness 10000 100000
 * </pre>
 */
public final class ListeningHarness {

	/** Items per page, as connectors read them (25 to 100): {@code -Dvigie.bench.page=N}, default 50. */
	static final int PAGE = Integer.getInteger("vigie.bench.page", 50);

	/** Items whose matches are compared between the two paths before measuring. */
	static final int CHECKED = 8_000;

	private ListeningHarness() {
	}

	public static void main(String[] args) throws IOException {
		List<IncomingItem> items = ListeningCorpus.items();
		for (String arg : args.length == 0 ? new String[] { "10000" } : args) {
			run(items, Integer.parseInt(arg));
		}
	}

	/**
	 * Exactness: on the first {@value #CHECKED} items, in pages, the queries Vigie finds for each item
	 * are those a plain Monitor finds; stops the run otherwise.
	 */
	private static void crossCheck(List<IncomingItem> items, Document[] docs, QueryMatcher matcher, Monitor raw)
			throws IOException {
		int checked = 0;
		int differ = 0;
		for (int from = 0; from + PAGE <= Math.min(items.size(), CHECKED); from += PAGE) {
			List<Set<String>> ours = matcher.matchAll(items.subList(from, from + PAGE).stream().map(ArchivedItem::of).toList());
			var theirs = raw.match(Arrays.copyOfRange(docs, from, from + PAGE), QueryMatch.SIMPLE_MATCHER);
			for (int j = 0; j < PAGE; j++) {
				Set<String> expected = new HashSet<>();
				theirs.getMatches(j).forEach(m -> expected.add(m.getQueryId()));
				if (!expected.equals(ours.get(j))) {
					differ++;
					if (differ <= 5) {
						System.out.printf(Locale.ROOT, "  item %d: vigie %s, raw Monitor %s%n", from + j, ours.get(j), expected);
					}
				}
				checked++;
			}
		}
		if (differ > 0) {
			throw new IllegalStateException(differ + " of " + checked + " items matched differently by vigie and raw Monitor");
		}
		System.out.printf(Locale.ROOT, "cross-check: on %,d items, vigie and raw Monitor find the same queries for every item%n", checked);
	}

	private static void run(List<IncomingItem> items, int n) throws IOException {
		List<String> texts = ListeningCorpus.queries(items, n, 42);
		long parseStart = System.nanoTime();
		List<MonitorQuery> compiled = ListeningCorpus.compile(texts);
		long parseMs = (System.nanoTime() - parseStart) / 1_000_000;
		// Vigie indexes each query by its rarest terms, as the archive counts them; here the archive
		// would hold the corpus.
		var frequencies = ListeningCorpus.documentFrequencies(items);
		try (QueryMatcher matcher = new QueryMatcher(frequencies); Monitor raw = new Monitor(ItemAnalysis.analyzer())) {
			long registerStart = System.nanoTime();
			for (List<MonitorQuery> batch : ListeningCorpus.batches(compiled)) {
				matcher.put(batch);
			}
			long registerMs = (System.nanoTime() - registerStart) / 1_000_000;
			for (List<MonitorQuery> batch : ListeningCorpus.batches(compiled)) {
				raw.register(batch);
			}
			Document[] docs = items.stream().map(i -> ItemDocuments.forMatching(ArchivedItem.of(i))).toArray(Document[]::new);
			crossCheck(items, docs, matcher, raw);
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long[] cpu = new long[2];
			long[] wall = new long[2];
			long[] count = new long[2];
			long[] hits = new long[2];
			long run = 0;
			for (int i = 0; i < 2_000; i++) {
				run += raw.match(docs[i], QueryMatch.SIMPLE_MATCHER).getQueriesRun();
			}
			System.out.printf(Locale.ROOT, "%nraw Monitor runs %.1f candidate queries per item (one at a time)%n", run / 2000.0);
			int page = PAGE;
			int round = 4_000 / page * page;
			for (int r = 0; r < 12; r++) {
				boolean measure = r >= 2;
				int offset = (r * round) % (items.size() - round);
				for (int path = 0; path < 2; path++) {
					long c0 = threads.getCurrentThreadCpuTime();
					long w0 = System.nanoTime();
					long h = 0;
					for (int k = 0; k < round; k += page) {
						int from = offset + k;
						if (path == 0) {
							// What the listening stage does with a page: the archive's view of each item,
							// one matcher pass, the annotated items.
							List<IncomingItem> incoming = items.subList(from, from + page);
							List<Set<String>> ids = matcher.matchAll(incoming.stream().map(ArchivedItem::of).toList());
							for (int j = 0; j < page; j++) {
								IncomingItem item = incoming.get(j);
								h += item.withAnnotations(item.annotations().withMatchedQueries(ids.get(j))).annotations()
									.matchedQueries().size();
							}
						}
						else {
							var m = raw.match(Arrays.copyOfRange(docs, from, from + page), QueryMatch.SIMPLE_MATCHER);
							for (int j = 0; j < page; j++) {
								h += m.getMatchCount(j);
							}
						}
					}
					if (measure) {
						cpu[path] += threads.getCurrentThreadCpuTime() - c0;
						wall[path] += System.nanoTime() - w0;
						count[path] += round;
						hits[path] += h;
					}
				}
			}
			double vigieCpu = count[0] / (cpu[0] / 1e9);
			double rawCpu = count[1] / (cpu[1] / 1e9);
			System.out.printf(Locale.ROOT, "%n%,d queries (parsed in %,d ms, registered in %,d ms), %,d items in pages of %d, %.2f matches per item; load average %.2f%n",
					n, parseMs, registerMs, count[0], PAGE, hits[0] / (double) count[0],
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			System.out.printf(Locale.ROOT, "  vigie (stage path): %,10.0f items per CPU-second   (%,.0f per wall-second)%n",
					vigieCpu, count[0] / (wall[0] / 1e9));
			System.out.printf(Locale.ROOT, "  raw Lucene Monitor: %,10.0f items per CPU-second   (%,.0f per wall-second)%n",
					rawCpu, count[1] / (wall[1] / 1e9));
			System.out.printf(Locale.ROOT, "  overhead (raw / vigie, CPU): %.2f×%n", rawCpu / vigieCpu);
			if (hits[0] != hits[1]) {
				System.out.printf(Locale.ROOT, "  note: match counts differ (vigie %d, raw %d)%n", hits[0], hits[1]);
			}
		}
	}
}
