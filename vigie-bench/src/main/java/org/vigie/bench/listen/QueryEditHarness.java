package org.vigie.bench.listen;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.monitor.MonitorQuery;
import org.vigie.archive.SearchQuery;
import org.vigie.ingest.IncomingItem;
import org.vigie.listen.QueryMatcher;

/**
 * What saving one listening query costs when many are stored: the matcher keeps its Monitor's query
 * index in one segment, so each save merges it. Registers N generated queries (as
 * {@link ListeningHarness} does), then replaces 20 of them one at a time, as edits in the UI do, and
 * prints the median and the slowest, in wall-clock milliseconds.
 *
 * <pre>java -cp vigie-bench/target/vigie-bench.jar org.vigie.bench.listen.QueryEditHarness 10000 100000</pre>
 */
public final class QueryEditHarness {

	private static final int EDITS = 20;

	private QueryEditHarness() {
	}

	public static void main(String[] args) throws IOException {
		List<IncomingItem> items = ListeningCorpus.items();
		for (String arg : args.length == 0 ? new String[] { "10000" } : args) {
			int n = Integer.parseInt(arg);
			List<String> texts = ListeningCorpus.queries(items, n + EDITS, 42);
			try (QueryMatcher matcher = new QueryMatcher(ListeningCorpus.documentFrequencies(items))) {
				for (List<MonitorQuery> batch : ListeningCorpus.batches(ListeningCorpus.compile(texts.subList(0, n)))) {
					matcher.put(batch);
				}
				long[] ms = new long[EDITS];
				for (int e = 0; e < EDITS; e++) {
					long start = System.nanoTime();
					matcher.put(Integer.toString(e * 7), SearchQuery.parse(texts.get(n + e)).toLucene());
					ms[e] = (System.nanoTime() - start) / 1_000_000;
				}
				Arrays.sort(ms);
				System.out.printf(Locale.ROOT, "%,d queries: one query saved in %d ms (median of %d edits), slowest %d ms; load average %.2f%n",
						n, ms[EDITS / 2], EDITS, ms[EDITS - 1],
						ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			}
		}
	}
}
