package org.vigie.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;
import org.vigie.SharedData;
import org.vigie.enrich.Entities;

/**
 * Runs twitter-text's own conformance suite ({@code ../shared/data/twitter-text-conformance}) in
 * full: every case of {@code extract.yml}, and the weighted-length sections of {@code validate.yml}
 * with the configuration each was written for (v2, v3, default). Read at test time, as upstream
 * advises.
 */
class TwitterTextConformanceTests {

	private static final Path SUITE = SharedData.path("twitter-text-conformance");

	private final Extractor extractor = new Extractor();

	private final EntityExtractor entities = new EntityExtractor();

	@TestFactory
	Stream<DynamicTest> extractionConformance() throws IOException {
		Map<String, List<Map<String, Object>>> tests = load("conformance/extract.yml");
		List<DynamicTest> cases = new ArrayList<>();
		tests.forEach((section, list) -> {
			for (Map<String, Object> c : list) {
				String text = (String) c.get("text");
				Object expected = c.get("expected");
				cases.add(DynamicTest.dynamicTest(section + ": " + c.get("description"), () -> check(section, text, expected)));
			}
		});
		assertThat(cases).hasSize(238);
		return cases.stream();
	}

	private void check(String section, String text, Object expected) {
		switch (section) {
			case "mentions" -> {
				assertThat(extractor.extractMentionedScreennames(text)).isEqualTo(expected);
				assertThat(entities.extract(text).mentions()).isEqualTo(expected);
			}
			case "mentions_with_indices" -> assertThat(indexed(extractor.extractMentionedScreennamesWithIndices(text)))
				.isEqualTo(expectedIndexed(expected, "screen_name"));
			case "mentions_or_lists_with_indices" -> {
				List<List<Object>> actual = extractor.extractMentionsOrListsWithIndices(text)
					.stream()
					.map(e -> List.<Object>of(e.getValue(), e.getListSlug() == null ? "" : e.getListSlug(), e.getStart(), e.getEnd()))
					.toList();
				List<List<Object>> wanted = list(expected).stream()
					.map(m -> List.<Object>of(m.get("screen_name"), m.get("list_slug"), indices(m).get(0), indices(m).get(1)))
					.toList();
				assertThat(actual).isEqualTo(wanted);
			}
			case "replies" -> assertThat(extractor.extractReplyScreenname(text)).isEqualTo(expected);
			case "urls", "tco_urls_with_params" -> {
				assertThat(extractor.extractURLs(text)).isEqualTo(expected);
				assertThat(entities.extract(text).urls()).isEqualTo(expected);
			}
			case "urls_with_indices", "urls_with_directional_markers" -> assertThat(
					indexed(extractor.extractURLsWithIndices(text)))
				.isEqualTo(expectedIndexed(expected, "url"));
			case "hashtags", "hashtags_from_astral" -> {
				assertThat(extractor.extractHashtags(text)).isEqualTo(expected);
				assertThat(entities.extract(text).hashtags()).isEqualTo(expected);
			}
			case "hashtags_with_indices" -> assertThat(indexed(extractor.extractHashtagsWithIndices(text)))
				.isEqualTo(expectedIndexed(expected, "hashtag"));
			case "cashtags" -> {
				assertThat(extractor.extractCashtags(text)).isEqualTo(expected);
				assertThat(entities.extract(text).cashtags()).isEqualTo(expected);
			}
			case "cashtags_with_indices" -> assertThat(indexed(extractor.extractCashtagsWithIndices(text)))
				.isEqualTo(expectedIndexed(expected, "cashtag"));
			default -> throw new AssertionError("Unknown conformance section " + section);
		}
	}

	@TestFactory
	Stream<DynamicTest> weightedLengthConformance() throws IOException {
		Map<String, List<Map<String, Object>>> tests = load("conformance/validate.yml");
		Map<String, TwitterTextConfiguration> configs = Map.of("WeightedTweetsCounterTest", config("config/v2.json"),
				"WeightedTweetsWithDiscountedEmojiCounterTest", config("config/v3.json"),
				"UnicodeDirectionalMarkerCounterTest", TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG);
		List<DynamicTest> cases = new ArrayList<>();
		configs.forEach((section, config) -> {
			for (Map<String, Object> c : tests.get(section)) {
				cases.add(DynamicTest.dynamicTest(section + ": " + c.get("description"), () -> {
					@SuppressWarnings("unchecked")
					Map<String, Object> expected = (Map<String, Object>) c.get("expected");
					TwitterTextParseResults r = TwitterTextParser.parseTweet((String) c.get("text"), config);
					assertThat(r.weightedLength).isEqualTo(expected.get("weightedLength"));
					assertThat(r.isValid).isEqualTo(expected.get("valid"));
					assertThat(r.permillage).isEqualTo(expected.get("permillage"));
					assertThat(r.displayTextRange.start).isEqualTo(expected.get("displayRangeStart"));
					assertThat(r.displayTextRange.end).isEqualTo(expected.get("displayRangeEnd"));
					assertThat(r.validTextRange.start).isEqualTo(expected.get("validRangeStart"));
					assertThat(r.validTextRange.end).isEqualTo(expected.get("validRangeEnd"));
				}));
			}
		});
		assertThat(cases).hasSize(44);
		return cases.stream();
	}

	@Test
	void extractsEmojisAsWholeClusters() {
		Entities found = entities.extract("Bravo 👏🏽 la France 🇫🇷 ❤️ 👨‍👩‍👧 !");
		assertThat(found.emojis()).containsExactly("👏🏽", "🇫🇷", "❤️", "👨‍👩‍👧");
		assertThat(entities.extract("no emoji here #tag @you $AAPL http://t.co/x").emojis()).isEmpty();
	}

	@Test
	void extractsEveryKindAtOnce() {
		Entities found = entities.extract("@TF1 #DALS ce soir $TFI 👉 https://tf1.fr/dals 🔥");
		assertThat(found.mentions()).containsExactly("TF1");
		assertThat(found.hashtags()).containsExactly("DALS");
		assertThat(found.cashtags()).containsExactly("TFI");
		assertThat(found.urls()).containsExactly("https://tf1.fr/dals");
		assertThat(found.emojis()).containsExactly("👉", "🔥");
	}

	/**
	 * Builds the configuration a JSON file describes. Its weighted ranges are those twitter-text
	 * ships (checked here); the library builds ranges only from its own defaults.
	 */
	private static TwitterTextConfiguration config(String file) throws IOException {
		Map<String, Object> json = load(file);
		TwitterTextConfiguration defaults = TwitterTextConfiguration.getDefaultConfig();
		List<List<Integer>> wanted = list(json.get("ranges")).stream()
			.map(r -> List.of((Integer) r.get("start"), (Integer) r.get("end"), (Integer) r.get("weight")))
			.toList();
		List<List<Integer>> shipped = defaults.getRanges()
			.stream()
			.map(r -> List.of(r.getRange().start, r.getRange().end, r.getWeight()))
			.toList();
		assertThat(shipped).as("weighted ranges of " + file).isEqualTo(wanted);
		return new TwitterTextConfiguration.Builder().setVersion((Integer) json.get("version"))
			.setMaxWeightedTweetLength((Integer) json.get("maxWeightedTweetLength"))
			.setScale((Integer) json.get("scale"))
			.setDefaultWeight((Integer) json.get("defaultWeight"))
			.setTransformedURLLength((Integer) json.get("transformedURLLength"))
			.setEmojiParsingEnabled(Boolean.TRUE.equals(json.get("emojiParsingEnabled")))
			.setRanges(defaults.getRanges())
			.build();
	}

	@SuppressWarnings("unchecked")
	private static <T> T load(String file) throws IOException {
		try (Reader reader = Files.newBufferedReader(SUITE.resolve(file))) {
			Map<String, Object> root = new Yaml().load(reader);
			return (T) (root.containsKey("tests") ? root.get("tests") : root);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object o) {
		return o == null ? List.of() : (List<Map<String, Object>>) o;
	}

	@SuppressWarnings("unchecked")
	private static List<Integer> indices(Map<String, Object> m) {
		return (List<Integer>) m.get("indices");
	}

	private static List<List<Object>> indexed(List<Extractor.Entity> found) {
		return found.stream().map(e -> List.<Object>of(e.getValue(), e.getStart(), e.getEnd())).toList();
	}

	private static List<List<Object>> expectedIndexed(Object expected, String key) {
		Function<Map<String, Object>, List<Object>> row = m -> List.of(m.get(key), indices(m).get(0), indices(m).get(1));
		return list(expected).stream().map(row).toList();
	}
}
