package org.vigie.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.SharedData;

class LanguageDetectorTests {

	static LanguageDetector detector;

	@BeforeAll
	static void load() {
		detector = LanguageDetector.load();
	}

	@Test
	void identifiesAtLeast97PercentOfFrenchAndEnglishValidationTweets() throws Exception {
		int correct = 0;
		int total = 0;
		for (String language : List.of("french", "english")) {
			String expected = language.equals("french") ? "fr" : "en";
			for (String line : Files.readAllLines(SharedData.path("umsab-sentiment/" + language + "/val_text.txt"))) {
				total++;
				if (detector.detect(line).code().equals(expected)) {
					correct++;
				}
			}
		}
		double accuracy = correct / (double) total;
		System.err.printf("Language identification, UMSAB fr+en val: %.4f (%d/%d)%n", accuracy, correct, total);
		assertThat(accuracy).isGreaterThanOrEqualTo(0.97);
	}

	@Test
	void identifiesEnglishTweetEvalValidationTweets() throws Exception {
		Path file = SharedData.path("tweeteval-sentiment/val_text.txt");
		List<String> lines = Files.readAllLines(file);
		long english = lines.stream().filter(line -> detector.detect(line).code().equals("en")).count();
		assertThat(english / (double) lines.size()).isGreaterThanOrEqualTo(0.97);
	}

	@Test
	void answersUndForBlankOrLetterlessText() {
		assertThat(detector.detect("").code()).isEqualTo("und");
		assertThat(detector.detect("   ").code()).isEqualTo("und");
		assertThat(detector.detect("😂😂😂 !!! 12345").code()).isEqualTo("und");
		assertThat(detector.detect("@user http://t.co/abc #").code()).isEqualTo("und");
	}

	@Test
	void readsNoisySocialFrench() {
		assertThat(detector.detect("@TF1 trop bieeeen l'épisode de ce soir 😍😍 #DALS http://t.co/x").code())
			.isEqualTo("fr");
		assertThat(detector.detect("jpp ce candidat il est nul a chier mdrrr").code()).isEqualTo("fr");
	}

	@Test
	void tellsOtherLanguagesApart() {
		assertThat(detector.detect("El episodio de anoche fue increíble, no puedo esperar a la próxima semana").code())
			.isEqualTo("es");
		assertThat(detector.detect("Die Folge gestern Abend war wirklich großartig, ich freue mich auf nächste Woche")
			.code()).isEqualTo("de");
		assertThat(detector.detect("L'episodio di ieri sera era davvero fantastico, non vedo l'ora della prossima settimana")
			.code()).isEqualTo("it");
	}

	@Test
	void neverFailsOnHugeOrStrangeInput() {
		assertThat(detector.detect("a".repeat(1_000_000)).code()).isNotBlank();
		assertThat(detector.detect("\u0000\uFFFF\uD800").code()).isEqualTo("und");
	}
}
