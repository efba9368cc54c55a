package org.vigie.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.lucene.index.memory.MemoryIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;

class SearchQueryTests {

	static final ShowId QUOTIDIEN = ShowId.of("01900000-0000-7000-8000-000000000001");

	/**
	 * query ⇥ text ⇥ expected ⇥ facets (network, lang, author, sentiment, show, urls). One row per
	 * line, columns separated by " ¦ ".
	 */
	static final String TABLE = """
			émission ¦ Super émission ce soir ¦ true
			emission ¦ Super ÉMISSION ce soir ¦ true
			ÉMISSION ¦ super emission ce soir ¦ true
			émission ¦ Les émissions de la semaine ¦ true
			émissions ¦ Quelle émission ! ¦ true
			émission ¦ J'ai raté l'émission hier ¦ true
			émission ¦ J’ai raté l’émission hier ¦ true
			"l'émission" ¦ j'ai raté l'émission hier ¦ true
			"raté émission" ¦ j'ai raté l'émission hier ¦ true
			cheval ¦ Des chevaux sur le plateau ¦ true
			journal ¦ Les journaux en parlent ¦ true
			jeu ¦ Les jeux de ce soir ¦ true
			qu'il ¦ il vient ¦ true
			présentateur ¦ le presentateur est top ¦ true
			"grand débat" ¦ Le Grand Débat commence ¦ true
			"grand débat" ¦ Un grand et beau débat ¦ false
			"débat grand" ¦ Le grand débat commence ¦ false
			fan ¦ Les fans sont là ¦ true
			fans ¦ Un fan heureux ¦ true
			show ¦ What a great show tonight ¦ true
			shows ¦ Best show ever ¦ true
			episode ¦ Next episodes are out ¦ true
			emission* ¦ Les émissions de télé ¦ true
			émiss* ¦ Les émissions de télé ¦ true
			présent* ¦ la présentatrice ¦ true
			présent* ¦ le représentant ¦ false
			quotid* ¦ #Quotidien ce soir ¦ true
			#quotidien ¦ Vivement #Quotidien ce soir ¦ true
			#Quotidien ¦ Vivement #quotidien ce soir ¦ true
			#quotidien ¦ Je lis mon quotidien ¦ false
			quotidien ¦ Vivement #Quotidien ce soir ¦ true
			#émission ¦ bravo #Emission ¦ true
			#quotid* ¦ bravo #QuotidienTMC ¦ true
			@yannbarthes ¦ Merci @YannBarthes pour ce moment ¦ true
			@yannbarthes ¦ Merci Yann Barthes ¦ false
			@alice.bsky.social ¦ coucou @alice.bsky.social ! ¦ true
			🔥 ¦ Ce plateau 🔥🔥 ¦ true
			🔥 ¦ Ce plateau ❤️ ¦ false
			"bravo 👏" ¦ bravo 👏 à toute l'équipe ¦ true
			raw:"Émission" ¦ Super Émission ¦ true
			raw:"Émission" ¦ super émission ¦ false
			raw:"Émission" ¦ Super Emission ¦ false
			raw:TMC ¦ regardez TMC ¦ true
			raw:TMC ¦ regardez tmc ¦ false
			quotidien AND tmc ¦ Quotidien sur TMC ¦ true
			quotidien tmc ¦ Quotidien ce soir ¦ false
			quotidien OR tmc ¦ ce soir sur TMC ¦ true
			quotidien OR tmc ¦ ce soir sur M6 ¦ false
			quotidien -tmc ¦ Quotidien sur TMC ¦ false
			quotidien -tmc ¦ Quotidien ce soir ¦ true
			quotidien NOT tmc ¦ Quotidien ce soir ¦ true
			quotidien AND NOT tmc ¦ Quotidien sur TMC ¦ false
			quotidien AND NOT (tmc AND NOT replay) ¦ Quotidien sur TMC en replay ¦ true
			quotidien AND NOT (tmc AND NOT replay) ¦ Quotidien sur TMC ¦ false
			quotidien -(tmc OR m6) ¦ Quotidien sur M6 ¦ false
			quotidien -(tmc OR m6) ¦ Quotidien sur France 2 ¦ true
			(quotidien OR "petit journal") AND barthes ¦ Le Petit Journal avec Barthes ¦ true
			(quotidien OR "petit journal") AND barthes ¦ Le journal de Barthes ¦ false
			a OR b c ¦ a seul ¦ true
			a OR b c ¦ b seul ¦ false
			barthes NEAR/3 quotidien ¦ Quotidien, animée par Yann Barthes ¦ true
			barthes NEAR/1 quotidien ¦ Quotidien, animée par Yann Barthes ¦ false
			barthes ONEAR/5 quotidien ¦ Quotidien, animée par Yann Barthes ¦ false
			quotidien ONEAR/5 barthes ¦ Quotidien, animée par Yann Barthes ¦ true
			émission NEAR/2 "yann barthes" ¦ l'émission de Yann Barthes ¦ true
			(émission OR show) NEAR/2 génial ¦ ce show était génial ¦ true
			emiss* NEAR/2 géniaux ¦ ces émissions sont géniales ¦ false
			emiss* NEAR/2 bien ¦ ces émissions sont trop bien ¦ true
			emiss* NEAR/0 bien ¦ ces émissions sont trop bien ¦ false
			saint-denis ¦ Concert à Saint-Denis ¦ true
			saint-denis ¦ Denis à Saint-Malo ¦ false
			quotidien lang:fr ¦ Quotidien ce soir ¦ true ¦ lang=fr
			quotidien lang:fr ¦ Quotidien tonight ¦ false ¦ lang=en
			quotidien network:x ¦ Quotidien ce soir ¦ true ¦ network=x
			quotidien network:twitter ¦ Quotidien ce soir ¦ true ¦ network=x
			quotidien -network:x ¦ Quotidien ce soir ¦ false ¦ network=x
			quotidien network:bluesky ¦ Quotidien ce soir ¦ false ¦ network=x
			author:yannbarthes ¦ ce soir ¦ true ¦ author=YannBarthes
			author:@YannBarthes ¦ ce soir ¦ true ¦ author=yannbarthes
			from:someone ¦ ce soir ¦ false ¦ author=yannbarthes
			quotidien has:link ¦ Quotidien https://tmc.tv/quotidien ¦ true
			quotidien has:link ¦ Quotidien ce soir ¦ false
			quotidien has:lien ¦ Quotidien https://tmc.tv/quotidien ¦ true
			quotidien has:media ¦ Quotidien https://pic.x.com/abc ¦ true
			quotidien has:media ¦ Quotidien https://tmc.tv/ ¦ false
			quotidien sentiment:negative ¦ Quotidien nul ¦ true ¦ sentiment=negative
			quotidien sentiment:négatif ¦ Quotidien nul ¦ true ¦ sentiment=negative
			quotidien sentiment:positive ¦ Quotidien nul ¦ false ¦ sentiment=negative
			quotidien show:quotidien ¦ Quotidien ¦ true ¦ show=quotidien
			quotidien kind:mention ¦ Quotidien ¦ true
			quotidien kind:comment ¦ Quotidien ¦ false
			(#quotidien OR @quotidien) lang:fr -sentiment:negative ¦ @Quotidien bravo ¦ true ¦ lang=fr;sentiment=positive
			(#quotidien OR @quotidien) lang:fr -sentiment:negative ¦ @Quotidien nul ¦ false ¦ lang=fr;sentiment=negative
			« grand débat » ¦ le grand débat ¦ true
			don't ¦ I don't know ¦ true
			what's ¦ what's on tonight ¦ true
			animateur ¦ les animateurs de Quotidien ¦ true
			animatrice ¦ les animatrices de Quotidien ¦ true
			animatrice ¦ l'animateur de Quotidien ¦ false
			animateur ¦ l'animatrice de Quotidien ¦ false
			nouveau ¦ les nouveaux épisodes ¦ true
			nouvelles ¦ la nouvelle saison ¦ true
			nouvelle ¦ un nouveau décor ¦ false
			jeu ¦ les jeux télévisés ¦ true
			télévisé ¦ Jeux télévisés ¦ true
			bateau ¦ des bateaux sur la Seine ¦ true
			episode ¦ new episodes tonight ¦ true
			arthur ¦ l'émission d'Arthur ¦ true
			aime ¦ je n'aime pas ce présentateur ¦ true
			aube ¦ jusqu'à l'aube ¦ true
			émission ¦ L'ÉMISSION DE CE SOIR ¦ true
			"qu'il dit" ¦ c'est ce qu’il dit ¦ true
			cinéma ¦ CINEMA ce soir ¦ true
			noel ¦ Joyeux Noël à tous ¦ true
			oeuvre ¦ une œuvre magnifique ¦ true
			""";

	static Stream<Arguments> table() {
		List<Arguments> rows = new ArrayList<>();
		for (String line : TABLE.strip().split("\n")) {
			String[] cols = line.split(" ¦ ");
			rows.add(Arguments.of(cols[0].trim(), cols[1].trim(), Boolean.parseBoolean(cols[2].trim()),
					cols.length > 3 ? cols[3].trim() : ""));
		}
		return rows.stream();
	}

	@Test
	void tableHasAtLeastSixtyRows() {
		assertThat(table().count()).isGreaterThanOrEqualTo(60);
	}

	@ParameterizedTest(name = "{0} ⟶ {1} : {2}")
	@MethodSource("table")
	void matchesAsTheTableSays(String query, String text, boolean expected, String facets) {
		assertThat(matches(query, item(text, facets))).isEqualTo(expected);
	}

	@Test
	void refusesAnUnclosedParenthesisWithItsPosition() {
		assertThatThrownBy(() -> SearchQuery.parse("(quotidien OR tmc"))
			.isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
				assertThat(e.position()).isEqualTo(17);
				assertThat(e.code()).isEqualTo("close-paren");
			});
	}

	@Test
	void refusesAnUnclosedPhrase() {
		assertThatThrownBy(() -> SearchQuery.parse("tmc \"grand débat"))
			.isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.code()).isEqualTo("unclosed-quote"));
	}

	@Test
	void refusesATrailingOperatorSayingWhatWasExpected() {
		assertThatThrownBy(() -> SearchQuery.parse("quotidien OR"))
			.isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
				assertThat(e.position()).isEqualTo(12);
				assertThat(e.getMessage()).contains("expected a word");
			});
	}

	@Test
	void refusesUnknownFieldsAndValues() {
		assertThatThrownBy(() -> SearchQuery.parse("quotidien color:red"))
			.isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
				assertThat(e.position()).isEqualTo(10);
				assertThat(e.code()).isEqualTo("unknown-field");
			});
		assertThatThrownBy(() -> SearchQuery.parse("network:myspace"))
			.isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
				assertThat(e.position()).isEqualTo(8);
				assertThat(e.getMessage()).contains("bluesky");
			});
	}

	@Test
	void refusesWildcardsInsideWordsOrTooShort() {
		assertThatThrownBy(() -> SearchQuery.parse("em*ission")).isInstanceOf(QuerySyntaxException.class);
		assertThatThrownBy(() -> SearchQuery.parse("e*")).isInstanceOf(QuerySyntaxException.class);
	}

	@Test
	void refusesProximityOnFilters() {
		assertThatThrownBy(() -> SearchQuery.parse("lang:fr NEAR/3 tmc"))
			.isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.code()).isEqualTo("near-operand"));
		assertThatThrownBy(() -> SearchQuery.parse("tmc NEAR/x quotidien"))
			.isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.position()).isEqualTo(9));
	}

	@Test
	void refusesQueriesThatOnlyExclude() {
		assertThatThrownBy(() -> SearchQuery.parse("-tmc NOT m6"))
			.isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.code()).isEqualTo("only-negative"));
		assertThatThrownBy(() -> SearchQuery.parse("   ")).isInstanceOf(QuerySyntaxException.class);
	}

	@Test
	void treatsLowercaseOperatorsAsWords() {
		assertThat(matches("rock or roll", item("rock or roll", ""))).isTrue();
		assertThat(matches("rock or roll", item("rock and roll", ""))).isFalse();
	}

	@Test
	void freeTextRequiresEveryWord() {
		assertThat(SearchQuery.freeText("Émission  BARTHES").toLucene().toString())
			.isEqualTo("+text:emission +text:barthe");
		assertThat(SearchQuery.freeText("  ").toLucene().toString()).isEqualTo("*:*");
	}

	static boolean matches(String query, ArchivedItem item) {
		MemoryIndex index = MemoryIndex.fromDocument(ItemDocuments.forMatching(item), ItemAnalysis.analyzer());
		var shows = Map.of("quotidien", QUOTIDIEN.toString());
		return index.search(SearchQuery.parse(query).toLucene(s -> Optional.ofNullable(shows.get(s)))) > 0;
	}

	static ArchivedItem item(String text, String facets) {
		Map<String, String> f = new HashMap<>();
		for (String kv : facets.split(";")) {
			if (kv.contains("=")) {
				f.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
			}
		}
		String author = f.getOrDefault("author", "someone_else");
		return ArchivedItem.of(ItemId.generate(), text, f.getOrDefault("lang", "fr"),
				Network.fromId(f.getOrDefault("network", "bluesky")).orElseThrow(),
				f.containsKey("show") ? QUOTIDIEN : null, null, List.of(author, "id-" + author), author, List.of(),
				List.of(), List.of(), f.get("sentiment"), ItemKind.MENTION, Instant.parse("2026-11-25T20:00:00Z"));
	}
}
