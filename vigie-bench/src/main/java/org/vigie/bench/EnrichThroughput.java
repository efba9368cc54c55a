package org.vigie.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.vigie.enrich.Enricher;
import org.vigie.enrich.ItemFacts;
import org.vigie.enrich.PriorityPolicy;
import org.vigie.shared.ItemKind;

/**
 * Items per CPU-second of one core for the whole enrichment chain and, in the same run, for the
 * language detector alone (the baseline), on the 280-character texts of {@link EnrichBenchmark}.
 * It counts the thread's CPU time rather than the wall clock, so that the figure stays meaningful
 * on a machine shared with other work, where JMH's wall-clock throughput falls with the load.
 *
 * <pre>
 * java -cp vigie-bench/target/vigie-bench.jar org.vigie.bench.EnrichThroughput [seconds]
 * </pre>
 */
public final class EnrichThroughput {

	private EnrichThroughput() {
	}

	public static void main(String[] args) {
		double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
		EnrichBenchmark state = new EnrichBenchmark();
		state.setUp();
		List<String> texts = state.texts();
		Enricher enricher = state.enricher();
		Instant now = Instant.parse("2026-11-25T21:00:00Z");
		ItemFacts facts = new ItemFacts(ItemKind.MENTION, false, 25_000L, now.minusSeconds(90));
		Consumer<String> chain = text -> enricher.enrich(text, facts, now);
		Consumer<String> baseline = enricher::language;
		measure("warm-up chain", chain, texts, seconds / 2);
		measure("warm-up baseline", baseline, texts, seconds / 2);
		double chainRate = measure("enrichment chain", chain, texts, seconds);
		double baseRate = measure("language detector alone (baseline)", baseline, texts, seconds);
		System.out.printf(Locale.ROOT, "chain / baseline = %.2f%n", chainRate / baseRate);
		Runtime rt = Runtime.getRuntime();
		System.out.printf(Locale.ROOT, "heap in use after the run: %.1f MiB (max %.0f MiB)%n",
				(rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.maxMemory() / 1048576.0);
		if (enricher.language(texts.get(0)).isEmpty()) {
			throw new IllegalStateException("unreachable: keeps the results alive");
		}
	}

	private static double measure(String name, Consumer<String> work, List<String> texts, double seconds) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long budget = (long) (seconds * 1e9);
		long start = threads.getCurrentThreadCpuTime();
		long wallStart = System.nanoTime();
		long items = 0;
		while (threads.getCurrentThreadCpuTime() - start < budget) {
			for (int i = 0; i < 100; i++) {
				work.accept(texts.get((int) (items++ % texts.size())));
			}
		}
		long cpu = threads.getCurrentThreadCpuTime() - start;
		long wall = System.nanoTime() - wallStart;
		double rate = items / (cpu / 1e9);
		System.out.printf(Locale.ROOT, "%-38s %,10.0f items per CPU-second (%,.0f per wall second, %d items)%n", name,
				rate, items / (wall / 1e9), items);
		return rate;
	}
}
