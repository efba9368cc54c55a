package org.vigie.enrich.sentiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.vigie.enrich.SentimentScore;
import org.vigie.enrich.text.SocialTokenizer;
import org.vigie.enrich.text.Token;

/**
 * A trained three-class sentiment model for one language: the features of
 * {@link SentimentFeatures} and, for each class, the weights of a one-vs-rest logistic regression
 * trained by LibLinear through Tribuo ({@link SentimentTrainer}). Scoring a text is a sparse dot
 * product per class, a logistic function, and LibLinear's normalisation of the three
 * probabilities, so that the confidence is the one the trained model gives.
 *
 * <p>Stored as a small gzipped binary file ({@code sentiment-fr.model}, {@code sentiment-en.model} on
 * the classpath) with a free-text note saying which data trained it, under which licences, and
 * how it scored. Immutable and thread-safe.
 */
public final class SentimentModel {

	private static final int MAGIC = 0x56534E54;

	private static final int VERSION = 1;

	private final String notes;

	private final SentimentFeatures features;

	private final float[] bias;

	private final long[] keys;

	private final float[] weights;

	private final LongIndex index;

	SentimentModel(String notes, SentimentFeatures features, float[] bias, long[] keys, float[] weights) {
		if (bias.length != 3 || weights.length != 3 * keys.length) {
			throw new IllegalArgumentException("A model needs three classes and three weights per feature");
		}
		this.notes = notes;
		this.features = features;
		this.bias = bias.clone();
		this.keys = keys.clone();
		this.weights = weights.clone();
		this.index = new LongIndex(this.keys);
	}

	/**
	 * Loads the model shipped for {@code language} ({@code fr} or {@code en}).
	 * @throws IllegalArgumentException if no model is shipped for that language
	 * @throws UncheckedIOException if the file is corrupt
	 */
	public static SentimentModel forLanguage(String language) {
		String name = "sentiment-" + language + ".model";
		InputStream in = SentimentModel.class.getResourceAsStream(name);
		if (in == null) {
			throw new IllegalArgumentException("No sentiment model for language " + language);
		}
		try (in) {
			return read(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + name, e);
		}
	}

	/** What trained the model and how it scored, as the trainer wrote it. */
	public String notes() {
		return notes;
	}

	/** How many weighted features the model has. */
	public int size() {
		return keys.length;
	}

	/** Scores {@code text}; blank text scores neutral-leaning from the bias alone. Never null. */
	public SentimentScore score(CharSequence text) {
		return score(SocialTokenizer.tokenize(text));
	}

	/** Scores a text already split by {@link SocialTokenizer}. Never null. */
	public SentimentScore score(List<Token> tokens) {
		double[] sums = { bias[0], bias[1], bias[2] };
		features.extract(tokens, (key, value) -> {
			int i = index.get(key);
			if (i >= 0) {
				int at = 3 * i;
				sums[0] += value * weights[at];
				sums[1] += value * weights[at + 1];
				sums[2] += value * weights[at + 2];
			}
		});
		return SentimentScore.of(logistic(sums[0]), logistic(sums[1]), logistic(sums[2]));
	}

	private static double logistic(double x) {
		return 1 / (1 + Math.exp(-x));
	}

	SentimentFeatures features() {
		return features;
	}

	/** The same model with other notes. */
	SentimentModel withNotes(String newNotes) {
		return new SentimentModel(newNotes, features, bias, keys, weights);
	}

	void write(OutputStream target) throws IOException {
		DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(target)));
		out.writeInt(MAGIC);
		out.writeInt(VERSION);
		out.writeUTF(notes);
		SentimentFeatures.Options options = features.options();
		out.writeBoolean(options.characters());
		out.writeInt(options.minChars());
		out.writeInt(options.maxChars());
		Lexicon lexicon = features.lexicon();
		long[] wordKeys = lexicon.wordKeys();
		float[] valences = lexicon.valences();
		out.writeInt(wordKeys.length);
		for (int i = 0; i < wordKeys.length; i++) {
			out.writeLong(wordKeys[i]);
			out.writeFloat(valences[i]);
		}
		long[] emojiKeys = lexicon.emojiKeys();
		float[] shares = lexicon.shares();
		out.writeInt(emojiKeys.length);
		for (int i = 0; i < emojiKeys.length; i++) {
			out.writeLong(emojiKeys[i]);
			out.writeFloat(shares[3 * i]);
			out.writeFloat(shares[3 * i + 1]);
			out.writeFloat(shares[3 * i + 2]);
		}
		for (float b : bias) {
			out.writeFloat(b);
		}
		out.writeInt(keys.length);
		for (int i = 0; i < keys.length; i++) {
			out.writeLong(keys[i]);
			out.writeFloat(weights[3 * i]);
			out.writeFloat(weights[3 * i + 1]);
			out.writeFloat(weights[3 * i + 2]);
		}
		out.flush();
		out.close();
	}

	static SentimentModel read(InputStream source) throws IOException {
		DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source)));
		if (in.readInt() != MAGIC) {
			throw new IOException("Not a Vigie sentiment model");
		}
		int version = in.readInt();
		if (version != VERSION) {
			throw new IOException("Unsupported sentiment model version " + version);
		}
		String notes = in.readUTF();
		SentimentFeatures.Options options = new SentimentFeatures.Options(in.readBoolean(), in.readInt(), in.readInt());
		int words = in.readInt();
		long[] wordKeys = new long[words];
		float[] valences = new float[words];
		for (int i = 0; i < words; i++) {
			wordKeys[i] = in.readLong();
			valences[i] = in.readFloat();
		}
		int emojis = in.readInt();
		long[] emojiKeys = new long[emojis];
		float[] shares = new float[3 * emojis];
		for (int i = 0; i < emojis; i++) {
			emojiKeys[i] = in.readLong();
			shares[3 * i] = in.readFloat();
			shares[3 * i + 1] = in.readFloat();
			shares[3 * i + 2] = in.readFloat();
		}
		float[] bias = { in.readFloat(), in.readFloat(), in.readFloat() };
		int size = in.readInt();
		long[] keys = new long[size];
		float[] weights = new float[3 * size];
		for (int i = 0; i < size; i++) {
			keys[i] = in.readLong();
			weights[3 * i] = in.readFloat();
			weights[3 * i + 1] = in.readFloat();
			weights[3 * i + 2] = in.readFloat();
		}
		return new SentimentModel(notes,
				new SentimentFeatures(options, new Lexicon(wordKeys, valences, emojiKeys, shares)), bias, keys, weights);
	}
}
