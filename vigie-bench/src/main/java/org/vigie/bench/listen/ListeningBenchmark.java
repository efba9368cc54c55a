package org.vigie.bench.listen;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.ItemAnalysis;
import org.vigie.archive.ItemDocuments;
import org.vigie.ingest.IncomingItem;
import org.vigie.listen.QueryMatcher;

/**
 * Listening throughput: every item matched against {@code queries} stored listening queries, one
 * thread, so the score is items per second per core. Two benchmarks in the same run, on the same
 * corpus (≈ 48,000 real English and French tweets) and the same compiled queries:
 * <ul>
 * <li>{@code vigie}: what the listening stage does per ingested item — the incoming item to the
 * archive's view, its Lucene document, Vigie's {@link QueryMatcher} (Monitor with a presearcher
 * that ignores facet terms), the annotated item;</li>
 * <li>{@code rawMonitor}: a plain Lucene {@link Monitor} with its default presearcher, on
 * documents built beforehand.</li>
 * </ul>
 * Overhead = rawMonitor score / vigie score.
 *
 * <pre>
 * ./mvnw -q -pl vigie-bench -am -DskipTests package
 * java -jar vigie-bench/target/vigie-bench.jar ListeningBenchmark -p queries=10000
 * java -jar vigie-bench/target/vigie-bench.jar ListeningBenchmark -p queries=100000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = { "-Xms3g", "-Xmx3g" })
@Threads(1)
public class ListeningBenchmark {

	@Param({ "10000", "100000" })
	public int queries;

	private List<IncomingItem> items;

	private Document[] documents;

	private QueryMatcher matcher;

	private Monitor raw;

	private int next;

	private long matched;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		items = ListeningCorpus.items();
		List<String> texts = ListeningCorpus.queries(items, queries, 42);
		matcher = new QueryMatcher(ListeningCorpus.documentFrequencies(items));
		raw = new Monitor(ItemAnalysis.analyzer());
		for (List<MonitorQuery> batch : ListeningCorpus.batches(ListeningCorpus.compile(texts))) {
			matcher.put(batch);
			raw.register(batch);
		}
		documents = items.stream().map(i -> ItemDocuments.forMatching(ArchivedItem.of(i))).toArray(Document[]::new);
		long hits = 0;
		int sample = Math.min(2_000, items.size());
		for (int i = 0; i < sample; i++) {
			hits += matcher.match(ArchivedItem.of(items.get(i))).size();
		}
		System.out.printf("%n%d items, %d queries; %.2f matching queries per item on average%n", items.size(), queries,
				hits / (double) sample);
	}

	@Benchmark
	public IncomingItem vigie() {
		IncomingItem item = items.get(next++ % items.size());
		Set<String> ids = matcher.match(ArchivedItem.of(item));
		return item.withAnnotations(item.annotations().withMatchedQueries(ids));
	}

	@Benchmark
	public int rawMonitor() throws IOException {
		MatchingQueries<QueryMatch> m = raw.match(documents[next++ % documents.length], QueryMatch.SIMPLE_MATCHER);
		return m.getMatchCount();
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		matcher.close();
		raw.close();
	}
}
