package org.vigie.enrich.sentiment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Dataset;
import org.tribuo.Feature;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.dataset.MinimumCardinalityDataset;
import org.tribuo.impl.ListExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.vigie.enrich.Sentiment;

/**
 * Trains the shipped sentiment models from the public data in {@code ../shared/data} and writes
 * them where Vigie loads them. Run from the repository root (see docs/enrich.md):
 *
 * <pre>
 * ./mvnw -q -pl vigie -am -DskipTests package
 * java -cp vigie/target/vigie.jar -Dloader.main=org.vigie.enrich.sentiment.SentimentTrainer \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --data ../shared/data --out vigie/src/main/resources/org/vigie/enrich/sentiment
 * </pre>
 *
 * Only sets whose licence allows redistribution train the models (UMSAB Apache-2.0, TweetEval
 * "no restrictions", DEFT 2017 CeCILL, the Allociné movie sample MIT; lexicons VADER and VADER-FR
 * MIT, Pattern-fr PDDL; Emoji Sentiment Ranking CC BY-SA 4.0). The Allociné TV-series set (no
 * licence) serves only to evaluate. The learner is LibLinear's L2-regularised logistic regression
 * (one-vs-rest) through Tribuo, with class weights that balance the three classes.
 */
public final class SentimentTrainer {

	static final double COST = 0.5;

	static final int MIN_FEATURE_COUNT = 2;

	static final float PRUNE_BELOW = 1e-4f;

	private static final LabelFactory LABELS = new LabelFactory();

	private static final Logger log = LoggerFactory.getLogger(SentimentTrainer.class);

	private SentimentTrainer() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = parse(args);
		SentimentCorpus corpus = new SentimentCorpus(Path.of(options.getOrDefault("--data", "../shared/data")));
		Path out = Path.of(options.getOrDefault("--out", "vigie/src/main/resources/org/vigie/enrich/sentiment"));
		for (String language : options.getOrDefault("--lang", "fr,en").split(",")) {
			SentimentModel model = train(corpus, language.strip());
			Files.createDirectories(out);
			Path file = out.resolve("sentiment-" + language.strip() + ".model");
			try (OutputStream stream = Files.newOutputStream(file)) {
				model.write(stream);
			}
			log.info("{}: {} features, {} bytes → {}\n{}", language, model.size(), Files.size(file), file, model.notes());
		}
	}

	/** Trains the model of one language ({@code fr} or {@code en}) and measures it on validation splits. */
	static SentimentModel train(SentimentCorpus corpus, String language) {
		List<SentimentCorpus.Example> examples = new ArrayList<>();
		StringBuilder notes = new StringBuilder();
		SentimentFeatures features;
		if (language.equals("fr")) {
			examples.addAll(corpus.umsab("french", "train"));
			examples.addAll(corpus.deft2017());
			examples.addAll(corpus.allocineMovies());
			features = new SentimentFeatures(new SentimentFeatures.Options(false, 3, 5), frenchLexicon(corpus));
			notes.append("Trained on UMSAB French train (Apache-2.0), DEFT 2017 task 1 train without 'mixed' (CeCILL), "
					+ "Allocine movie-review train sample (MIT); lexicons VADER-FR (MIT) and Pattern-fr (PDDL); "
					+ "Emoji Sentiment Ranking v1.0 (CC BY-SA 4.0).");
		}
		else if (language.equals("en")) {
			examples.addAll(corpus.umsab("english", "train"));
			examples.addAll(corpus.tweetEval("train"));
			features = new SentimentFeatures(new SentimentFeatures.Options(false, 3, 5), englishLexicon(corpus));
			notes.append("Trained on UMSAB English train (Apache-2.0) and TweetEval sentiment train (no restrictions); "
					+ "lexicon VADER (MIT); Emoji Sentiment Ranking v1.0 (CC BY-SA 4.0).");
		}
		else {
			throw new IllegalArgumentException("No training recipe for language " + language);
		}
		log.info("{}: training on {} examples", language, examples.size());
		SentimentModel model = fit(features, examples, notes.toString());
		notes.append(" LibLinear L2R_LR C=").append(COST).append(", balanced class weights, features seen at least ")
				.append(MIN_FEATURE_COUNT).append(" times. Validation: ");
		if (language.equals("fr")) {
			notes.append("UMSAB fr val ").append(SentimentMetrics.of(corpus.umsab("french", "val"), model::score));
			notes.append("; Allocine TV-series dev (binary) ")
					.append(SentimentMetrics.binary(corpus.allocineTvSeries("dev"), model::score));
		}
		else {
			notes.append("UMSAB en val ").append(SentimentMetrics.of(corpus.umsab("english", "val"), model::score));
			notes.append("; TweetEval val ").append(SentimentMetrics.of(corpus.tweetEval("val"), model::score));
		}
		return model.withNotes(notes.toString());
	}

	/** Trains LibLinear on the examples and copies its weights into a {@link SentimentModel}. */
	static SentimentModel fit(SentimentFeatures features, List<SentimentCorpus.Example> examples, String notes) {
		return export(features, learn(features, examples), notes);
	}

	/** Trains LibLinear's logistic regression through Tribuo, classes balanced by weight. */
	static LibLinearClassificationModel learn(SentimentFeatures features, List<SentimentCorpus.Example> examples) {
		MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("vigie-sentiment", LABELS),
				LABELS);
		int[] counts = new int[3];
		for (SentimentCorpus.Example example : examples) {
			data.add(toExample(features, example.text(), example.label()));
			counts[example.label().ordinal()]++;
		}
		Dataset<Label> pruned = new MinimumCardinalityDataset<>(data, MIN_FEATURE_COUNT);
		LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
				new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), COST, 1000, 0.01);
		Map<Label, Float> weights = new HashMap<>();
		for (Sentiment s : Sentiment.values()) {
			weights.put(new Label(s.id()), (float) (examples.size() / (3.0 * Math.max(1, counts[s.ordinal()]))));
		}
		trainer.setLabelWeights(weights);
		return (LibLinearClassificationModel) trainer.train(pruned);
	}

	static ListExample<Label> toExample(SentimentFeatures features, String text, Sentiment label) {
		Map<Long, Double> values = new LinkedHashMap<>();
		features.extract(text, (key, value) -> values.merge(key, value, Double::sum));
		ListExample<Label> example = new ListExample<>(new Label(label.id()));
		values.forEach((key, value) -> example.add(new Feature(Long.toHexString(key), value)));
		return example;
	}

	static SentimentModel export(SentimentFeatures features, LibLinearClassificationModel trained,
			String notes) {
		de.bwaldvogel.liblinear.Model inner = trained.getInnerModels().get(0);
		ImmutableOutputInfo<Label> outputs = trained.getOutputIDInfo();
		int[] liblinearLabels = inner.getLabels();
		int[] column = new int[3];
		for (Sentiment s : Sentiment.values()) {
			int id = outputs.getID(new Label(s.id()));
			column[s.ordinal()] = -1;
			for (int k = 0; k < liblinearLabels.length; k++) {
				if (liblinearLabels[k] == id) {
					column[s.ordinal()] = k;
				}
			}
			if (column[s.ordinal()] < 0) {
				throw new IllegalStateException("The trained model lacks the class " + s.id());
			}
		}
		List<Long> keys = new ArrayList<>();
		List<float[]> rows = new ArrayList<>();
		for (VariableInfo info : trained.getFeatureIDMap()) {
			int id = trained.getFeatureIDMap().getID(info.getName());
			float[] row = new float[3];
			float largest = 0;
			for (int c = 0; c < 3; c++) {
				row[c] = (float) inner.getDecfunCoef(id + 1, column[c]);
				largest = Math.max(largest, Math.abs(row[c]));
			}
			if (largest >= PRUNE_BELOW) {
				keys.add(Long.parseUnsignedLong(info.getName(), 16));
				rows.add(row);
			}
		}
		long[] keyArray = new long[keys.size()];
		float[] weightArray = new float[3 * keys.size()];
		for (int i = 0; i < keyArray.length; i++) {
			keyArray[i] = keys.get(i);
			System.arraycopy(rows.get(i), 0, weightArray, 3 * i, 3);
		}
		float[] bias = new float[3];
		if (inner.getBias() >= 0) {
			for (int c = 0; c < 3; c++) {
				bias[c] = (float) inner.getDecfunBias(column[c]);
			}
		}
		return new SentimentModel(notes, features, bias, keyArray, weightArray);
	}

	static Lexicon englishLexicon(SentimentCorpus corpus) {
		Map<Long, Float> words = new LinkedHashMap<>();
		for (String line : SentimentCorpus.lines(corpus.root().resolve("vader-en/vader_lexicon.txt"))) {
			String[] fields = line.split("\t");
			if (fields.length >= 2) {
				words.putIfAbsent(wordKey(fields[0]), Float.parseFloat(fields[1]));
			}
		}
		return lexicon(words, corpus);
	}

	static Lexicon frenchLexicon(SentimentCorpus corpus) {
		Map<Long, Float> words = new LinkedHashMap<>();
		for (String line : SentimentCorpus.lines(corpus.root().resolve("lexicon-vader-fr/fr_lexicon.txt"))) {
			int arrow = line.lastIndexOf("->");
			if (arrow > 0) {
				words.putIfAbsent(wordKey(line.substring(0, arrow)), Float.parseFloat(line.substring(arrow + 2).strip()));
			}
		}
		String xml = String.join("\n", SentimentCorpus.lines(corpus.root().resolve("lexicon-pattern-fr/fr-sentiment.xml")));
		Matcher m = Pattern.compile("form=\"([^\"]*)\" pos=\"[^\"]*\" polarity=\"([^\"]*)\"").matcher(xml);
		while (m.find()) {
			// Pattern's polarity is −1…+1; VADER's valence −4…+4: scale to meet halfway.
			words.putIfAbsent(wordKey(m.group(1)), Float.parseFloat(m.group(2)) * 3f);
		}
		return lexicon(words, corpus);
	}

	private static long wordKey(String word) {
		return FeatureKeys.of(FeatureKeys.LEXICON, word.strip().toLowerCase(Locale.ROOT));
	}

	private static Lexicon lexicon(Map<Long, Float> words, SentimentCorpus corpus) {
		long[] wordKeys = new long[words.size()];
		float[] valences = new float[words.size()];
		int i = 0;
		for (Map.Entry<Long, Float> e : words.entrySet()) {
			wordKeys[i] = e.getKey();
			valences[i++] = e.getValue();
		}
		List<String> rows = SentimentCorpus.lines(corpus.root().resolve("emoji-sentiment-ranking/Emoji_Sentiment_Data_v1.0.csv"));
		List<Long> emojiKeys = new ArrayList<>();
		List<Float> shares = new ArrayList<>();
		for (String row : rows.subList(1, rows.size())) {
			String[] f = row.split(",");
			float total = Float.parseFloat(f[2]);
			if (total < 5) {
				continue;
			}
			// Laplace-smoothed shares, as the ranking's authors compute their score.
			emojiKeys.add(FeatureKeys.of(FeatureKeys.EMOJI, Character.toString(Integer.decode(f[1]))));
			for (int c = 4; c <= 6; c++) {
				shares.add((Float.parseFloat(f[c]) + 1) / (total + 3));
			}
		}
		long[] ek = new long[emojiKeys.size()];
		float[] es = new float[shares.size()];
		for (int k = 0; k < ek.length; k++) {
			ek[k] = emojiKeys.get(k);
		}
		for (int k = 0; k < es.length; k++) {
			es[k] = shares.get(k);
		}
		return new Lexicon(wordKeys, valences, ek, es);
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Expected --option value, got " + args[i]);
			}
			options.put(args[i], args[i + 1]);
		}
		return options;
	}
}
