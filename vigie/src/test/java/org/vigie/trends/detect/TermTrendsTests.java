package org.vigie.trends.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TermTrendsTests {

	private final TermExtractor extractor = new TermExtractor(List.of("Le Grand Quiz", "#LGQ"));

	@Test
	void dropsStopWordsUrlsElisionsAndTheShowsOwnName() {
		Set<String> terms = extractor.terms(
				"C'est l'arbitre qui a tout gâché au Grand Quiz ce soir !! https://t.co/x #LeGrandQuiz #lgq @TF1 and the referee");
		assertThat(terms).containsExactly("arbitre", "gâché", "soir", "@tf1", "referee");
	}

	@Test
	void theShowsOwnAccountsAreNeverTermsOnAnyNetwork() {
		TermExtractor own = new TermExtractor(List.of("Rivages", TermExtractor.handleName("@RivagesTV"),
				TermExtractor.handleName("rivagestv@mastodon.example"), TermExtractor.handleName("rivages-officiel.bsky.social")));
		assertThat(own.terms("Merci @RivagesTV et @rivagestv@mastodon.example, @rivages-officiel.bsky.social : Léna reviendra ? #RivagesTV @lena_fan @lena@piaille.fr."))
			.containsExactly("merci", "léna", "reviendra", "@lena_fan", "@lena@piaille.fr");
	}

	@Test
	void aNewTermUsedByManyAuthorsEmergesButOneLoudAccountDoesNot() {
		TermTrends trends = new TermTrends(TermTrends.Settings.DEFAULTS);
		Instant t = Instant.parse("2026-01-01T20:00:00Z");
		for (int bucket = 0; bucket < 24; bucket++, t = t.plus(Duration.ofMinutes(5))) {
			for (int a = 0; a < 30; a++) {
				trends.add("fan" + a, extractor.terms("super émission ce soir"));
			}
			assertThat(trends.close(t)).isEmpty();
		}
		for (int a = 0; a < 30; a++) {
			trends.add("fan" + a, extractor.terms("super émission ce soir"));
		}
		for (int i = 0; i < 50; i++) {
			trends.add("spammer", extractor.terms("achetez #promo"));
		}
		for (int a = 0; a < 12; a++) {
			trends.add("viewer" + a, extractor.terms("quel #scandale ce soir"));
		}
		List<TermTrends.Emerging> emerging = trends.close(t);
		assertThat(emerging).extracting(TermTrends.Emerging::term).contains("#scandale").doesNotContain("#promo",
				"super", "soir");
		assertThat(emerging.get(0).fresh()).isTrue();
	}

	@Test
	void theMoodTurningIsAShiftButAFewAngryMessagesAreNot() {
		SentimentShift shift = new SentimentShift(4.0, 0.15, 20, 3, 100, Duration.ofMinutes(30));
		Instant t = Instant.parse("2026-01-01T20:00:00Z");
		for (int i = 0; i < 60; i++, t = t.plus(Duration.ofMinutes(5))) {
			assertThat(shift.observe(t, i % 2 == 0 ? 4 : 3, 40).signal()).isEqualTo(Signal.QUIET);
		}
		assertThat(shift.observe(t, 3, 5).signal()).isEqualTo(Signal.QUIET);
		t = t.plus(Duration.ofMinutes(5));
		assertThat(shift.observe(t, 30, 50).signal()).isEqualTo(Signal.OPENED);
		t = t.plus(Duration.ofMinutes(5));
		assertThat(shift.observe(t, 35, 50).signal()).isEqualTo(Signal.CONTINUED);
	}

	@Test
	void countsDistinctAuthorsWithASketch() {
		UniqueAuthors authors = new UniqueAuthors();
		for (int i = 0; i < 5000; i++) {
			authors.add("x:" + (i % 1000));
		}
		assertThat(authors.estimate()).isBetween(950.0, 1050.0);
		UniqueAuthors other = new UniqueAuthors();
		for (int i = 500; i < 1500; i++) {
			other.add("x:" + i);
		}
		assertThat(authors.merge(other).estimate()).isBetween(1420.0, 1580.0);
		assertThat(UniqueAuthors.fromBytes(authors.toBytes()).estimate()).isEqualTo(authors.estimate());
	}
}
