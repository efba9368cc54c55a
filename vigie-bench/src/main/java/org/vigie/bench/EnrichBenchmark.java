package org.vigie.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.vigie.enrich.Enricher;
import org.vigie.enrich.Enrichment;
import org.vigie.enrich.ItemFacts;
import org.vigie.enrich.PriorityPolicy;
import org.vigie.shared.ItemKind;

/**
 * The whole enrichment chain (language, sentiment, entities, spam, toxicity, priority) on
 * 280-character social texts, one thread, so that the score is items per second per core; beside
 * it, in the same run, the baseline: the language detector alone on the same texts.
 *
 * <pre>
 * ./mvnw -q -pl vigie-bench -am -DskipTests package
 * java -jar vigie-bench/target/vigie-bench.jar EnrichBenchmark -prof gc
 * </pre>
 *
 * The setup prints the heap the loaded models retain; {@code -prof gc} adds the bytes allocated
 * per item ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
@Threads(1)
public class EnrichBenchmark {

	/** Real-looking French and English social posts with the usual noise; written for this benchmark. */
	private static final String[] SAMPLES = {
			"@TF1 toujours pas de replay de #DALS depuis hier soir, c'est honteux 😡 vous comptez le mettre quand ?? https://t.co/aZ3kR9",
			"Loved tonight's episode sooooo much!!! The final dance was incredible 😍😍 #DALS @TF1 https://t.co/x1Y2z3",
			"Quelqu'un sait à quelle heure passe la demi-finale samedi ? Je veux pas rater ça 🙏 #DALS #TF1",
			"This show is getting worse every week, honestly the jury has no idea what they're doing. Unfollowing. #reality",
			"Trop bien la prestation de ce soir, bravo à toute l'équipe 👏👏 on vote pour eux !!! #DALS @TF1",
			"Win a FREE iPh0ne 15 now!!! Follow back + check my bio 👉 https://bit.ly/fr33 #giveaway #win #free #iphone #promo #gift",
			"Le direct a coupé pendant 10 minutes sur l'appli, personne ne répond au service client, inadmissible @TF1 #bug",
			"Can't wait for the season finale next Friday, who do you think will win? 🤔 #DALS #finale",
			"Franchement la nouvelle saison est pas terrible, les candidats sont moins bons que l'an dernier 😕",
			"$TFI up 3% after the ratings announcement this morning, nice run for the channel https://t.co/q9W8e7",
			"ma mère regarde ça tous les samedis, moi je préfère les séries mais bon on regarde en famille 😂",
			"The costumes this week were absolutely stunning, whoever designs them deserves an award ✨ #DALS" };

	private final List<String> texts = new ArrayList<>();

	private Enricher enricher;

	private ItemFacts facts;

	private Instant now;

	private int next;

	@Setup
	public void setUp() {
		Runtime runtime = Runtime.getRuntime();
		long before = usedHeapAfterGc(runtime);
		enricher = Enricher.load(PriorityPolicy.DEFAULT);
		long after = usedHeapAfterGc(runtime);
		System.out.printf("%nHeap retained by the loaded enricher (models): %.1f MiB%n", (after - before) / 1048576.0);
		for (int start = 0; start < SAMPLES.length; start++) {
			StringBuilder text = new StringBuilder();
			for (int k = start; text.length() < 280; k++) {
				text.append(SAMPLES[k % SAMPLES.length]).append(' ');
			}
			texts.add(text.substring(0, 280));
		}
		now = Instant.parse("2026-11-25T21:00:00Z");
		facts = new ItemFacts(ItemKind.MENTION, false, 25_000L, now.minusSeconds(90));
	}

	List<String> texts() {
		return texts;
	}

	Enricher enricher() {
		return enricher;
	}

	@Benchmark
	public Enrichment enrichmentChain() {
		return enricher.enrich(nextText(), facts, now);
	}

	@Benchmark
	public String languageDetectorBaseline() {
		return enricher.language(nextText());
	}

	private String nextText() {
		String text = texts.get(next);
		next = next + 1 == texts.size() ? 0 : next + 1;
		return text;
	}

	private static long usedHeapAfterGc(Runtime runtime) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}
}
