package org.vigie.enrich.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.vigie.enrich.Entities;
import org.vigie.enrich.ItemFacts;
import org.vigie.enrich.Priority;
import org.vigie.enrich.PriorityPolicy;
import org.vigie.enrich.SentimentScore;
import org.vigie.enrich.entities.EntityExtractor;
import org.vigie.enrich.text.Folded;
import org.vigie.enrich.text.SocialTokenizer;
import org.vigie.shared.ItemKind;

class SignalsTests {

	static final Instant NOW = Instant.parse("2026-11-25T21:00:00Z");

	final SpamDetector spam = new SpamDetector();

	final ToxicityDetector toxicity = new ToxicityDetector();

	final PriorityScorer priority = new PriorityScorer(PriorityPolicy.DEFAULT);

	final EntityExtractor extractor = new EntityExtractor();

	@Test
	void flagsBaitAndStuffingAsSpam() {
		assertThat(isSpam("Hey do u want to get iPh0ne 6 for FREE? U better check my bi0. Thx")).isTrue();
		assertThat(isSpam("Gagnez 500€ !! Jeu concours, lien en bio http://bit.ly/x")).isTrue();
		assertThat(isSpam("#a #b #c #d #e #f #g follow back http://x.co")).isTrue();
		assertThat(isSpam("Super épisode ce soir, bravo à toute l'équipe !")).isFalse();
		assertThat(isSpam("Quand passe la saison 2 ? #DALS @TF1")).isFalse();
	}

	@Test
	void flagsInsultsAsToxic() {
		assertThat(isToxic("t'es qu'un connard")).isTrue();
		assertThat(isToxic("FERME TA GUEULE")).isTrue();
		assertThat(isToxic("you are a stupid idiot")).isTrue();
		assertThat(isToxic("c0nnard")).isTrue();
		assertThat(isToxic("ce con de jury")).isFalse();
		assertThat(isToxic("concours de la meilleure série")).isFalse();
		assertThat(isToxic("What a great show")).isFalse();
	}

	@Test
	void ranksAngryDirectMessageFromInfluencerAboveNeutralListeningHit() {
		Priority urgent = priority.score(fold("Toujours pas remboursé, pourquoi personne ne répond ?"),
				SentimentScore.of(0.8, 0.1, 0.1), new ItemFacts(ItemKind.DIRECT_MESSAGE, false, 250_000L, NOW), false,
				false, NOW);
		Priority calm = priority.score(fold("Le programme de ce soir"), SentimentScore.of(0.1, 0.8, 0.1),
				new ItemFacts(ItemKind.LISTENING_HIT, false, 12L, NOW.minus(Duration.ofDays(2))), false, false, NOW);
		assertThat(urgent.score()).isGreaterThan(calm.score());
		assertThat(urgent.reasons()).containsExactly("question", "complaint", "negative", "direct_message", "influential",
				"recent");
		assertThat(urgent.score()).isEqualTo(100);
		assertThat(calm.reasons()).isEmpty();
		assertThat(calm.score()).isEqualTo(PriorityPolicy.DEFAULT.base());
	}

	@Test
	void givesRepliesToUsAndQuestionsWithoutQuestionMarkTheirReason() {
		Priority p = priority.score(fold("Comment on participe au casting"), SentimentScore.of(0.1, 0.8, 0.1),
				new ItemFacts(ItemKind.REPLY, true, null, NOW.minus(Duration.ofHours(5))), false, false, NOW);
		assertThat(p.reasons()).containsExactly("question", "reply_to_us");
	}

	@Test
	void zeroesSpam() {
		Priority p = priority.score(fold("follow back"), SentimentScore.of(0.1, 0.1, 0.8),
				new ItemFacts(ItemKind.DIRECT_MESSAGE, true, 1_000_000L, NOW), true, false, NOW);
		assertThat(p.score()).isZero();
		assertThat(p.reasons()).containsExactly("spam");
	}

	private boolean isSpam(String text) {
		Entities entities = extractor.extract(text);
		var tokens = SocialTokenizer.tokenize(text);
		return spam.isSpam(tokens, Folded.of(tokens), entities);
	}

	private boolean isToxic(String text) {
		return toxicity.isToxic(fold(text));
	}

	private static Folded fold(String text) {
		return Folded.of(SocialTokenizer.tokenize(text));
	}
}
