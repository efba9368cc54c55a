package org.vigie.enrich.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;

import org.vigie.CliCommand;
import org.vigie.enrich.Enricher;
import org.vigie.enrich.PriorityPolicy;
import org.vigie.enrich.SentimentScore;
import org.vigie.enrich.sentiment.SentimentModel;

/**
 * {@code java -jar vigie.jar sentiment [--lang fr|en] [--scores]}: one text per line on standard
 * input, {@code negative}, {@code neutral} or {@code positive} per line on standard output. The
 * model follows each line's detected language unless {@code --lang} forces one; {@code --scores}
 * adds the confidence after a tab.
 */
public final class SentimentCommand implements CliCommand {

	@Override
	public String name() {
		return "sentiment";
	}

	@Override
	public int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws Exception {
		String forced = null;
		boolean scores = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--lang" -> {
					if (i + 1 >= args.length) {
						throw new IllegalArgumentException("--lang needs fr or en");
					}
					forced = args[++i];
				}
				case "--scores" -> scores = true;
				default -> throw new IllegalArgumentException("Unknown option " + args[i]
						+ " (usage: sentiment [--lang fr|en] [--scores] < texts)");
			}
		}
		boolean withScores = scores;
		if (forced != null) {
			SentimentModel model = SentimentModel.forLanguage(forced);
			return LineCommand.run(in, out, line -> format(model.score(bounded(line)), withScores));
		}
		Enricher enricher = Enricher.load(PriorityPolicy.DEFAULT);
		return LineCommand.run(in, out, line -> format(enricher.sentiment(line), withScores));
	}

	private static String bounded(String line) {
		return line.length() <= Enricher.MAX_TEXT ? line : line.substring(0, Enricher.MAX_TEXT);
	}

	private static String format(SentimentScore score, boolean withScores) {
		return withScores ? score.sentiment().id() + "\t" + String.format(Locale.ROOT, "%.3f", score.confidence())
				: score.sentiment().id();
	}
}
