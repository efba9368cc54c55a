package org.vigie.enrich;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.vigie.enrich.entities.EntityExtractor;
import org.vigie.enrich.language.LanguageDetector;
import org.vigie.enrich.language.LanguageGuess;
import org.vigie.enrich.sentiment.SentimentModel;
import org.vigie.enrich.signals.PriorityScorer;
import org.vigie.enrich.signals.SpamDetector;
import org.vigie.enrich.signals.ToxicityDetector;
import org.vigie.enrich.text.Folded;
import org.vigie.enrich.text.SocialTokenizer;
import org.vigie.enrich.text.Token;

/**
 * The whole enrichment of one item, in plain Java (no Spring), so that the ingestion stage, the
 * command line and the benchmarks run the very same code: language, then sentiment with the
 * model of that language (English for any language but French), entities, spam and toxicity
 * flags, and the priority with its reasons.
 *
 * <p>Texts longer than {@value #MAX_TEXT} characters are cut there: no post on the networks we
 * read is longer, and it bounds the cost of a hostile input. Immutable and thread-safe; build one
 * with {@link #load(PriorityPolicy)} (about a second: it reads the models) and share it.
 */
public final class Enricher {

	/** The longest text enrichment looks at. */
	public static final int MAX_TEXT = 10_000;

	private final LanguageDetector languages;

	private final SentimentModel french;

	private final SentimentModel english;

	private final EntityExtractor entities = new EntityExtractor();

	private final SpamDetector spam = new SpamDetector();

	private final ToxicityDetector toxicity = new ToxicityDetector();

	private final PriorityScorer priority;

	Enricher(LanguageDetector languages, SentimentModel french, SentimentModel english, PriorityPolicy policy) {
		this.languages = languages;
		this.french = french;
		this.english = english;
		this.priority = new PriorityScorer(policy);
	}

	/** Loads the shipped models. */
	public static Enricher load(PriorityPolicy policy) {
		return new Enricher(LanguageDetector.load(), SentimentModel.forLanguage("fr"), SentimentModel.forLanguage("en"),
				Objects.requireNonNull(policy, "policy"));
	}

	/** The language of {@code text}: an ISO 639-1 code, or {@code und}. */
	public String language(String text) {
		return languages.detect(bounded(text)).code();
	}

	/** The sentiment of {@code text}, with the model of its language. */
	public SentimentScore sentiment(String text) {
		String bounded = bounded(text);
		return modelFor(languages.detect(bounded)).score(bounded);
	}

	/** Enriches one item. Never null; blank text gets {@code und}, neutral, no entities. */
	public Enrichment enrich(String text, ItemFacts facts, Instant now) {
		String bounded = bounded(text);
		LanguageGuess language = languages.detect(bounded);
		List<Token> tokens = SocialTokenizer.tokenize(bounded);
		SentimentScore sentiment = modelFor(language).score(tokens);
		Entities found = entities.extract(bounded);
		Folded folded = Folded.of(tokens);
		boolean isSpam = spam.isSpam(tokens, folded, found);
		boolean isToxic = toxicity.isToxic(folded);
		Priority rank = priority.score(folded, sentiment, facts, isSpam, isToxic, now);
		return new Enrichment(language.code(), sentiment, found, isSpam, isToxic, rank);
	}


	private SentimentModel modelFor(LanguageGuess language) {
		return "fr".equals(language.code()) ? french : english;
	}

	private static String bounded(String text) {
		return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
	}
}
