package org.vigie.schedule.xmltv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.vigie.SharedData;

class XmltvParserTests {

	private final XmltvParser parser = new XmltvParser(ZoneId.of("Europe/Paris"));

	private Guide guide(String file) throws IOException {
		Path path = SharedData.path("xmltv-fr").resolve(file);
		try (InputStream in = Files.newInputStream(path)) {
			return parser.parse(in);
		}
	}

	@Test
	void readsTf1GuideAndMergesItsDayBoundaryDuplicates() throws IOException {
		Guide guide = guide("xmltvfr_TF1_2022-01-07_to_2022-01-16.xml");
		assertThat(guide.channels()).containsEntry("TF1.fr", "TF1").containsEntry("M6.fr", "M6");
		assertThat(guide.duplicates()).isEqualTo(8);
		assertThat(guide.programmes()).hasSize(259).allMatch(p -> p.channel().equals("TF1.fr"));
		assertThat(guide.programmes().get(0).start()).isEqualTo(Instant.parse("2022-01-07T22:30:00Z"));
		assertThat(guide.programmes().get(0).title()).isEqualTo("Vendredi, tout est permis avec Arthur");
		assertThat(guide.programmes()).filteredOn(p -> p.title().equals("Esprits criminels")
				&& p.start().equals(Instant.parse("2022-01-09T22:50:00Z"))).hasSize(1);
	}

	@Test
	void decodesEntitiesEscapedTwice() throws IOException {
		Guide guide = guide("xmltvfr_TF1_2022-01-07_to_2022-01-16.xml");
		assertThat(guide.programmes()).allMatch(p -> p.icon() == null || !p.icon().contains("&amp;"));
		assertThat(guide.programmes()).allMatch(p -> !p.title().contains("&amp;") && !p.title().contains("&#"));
		assertThat(XmltvParser.decode("https://x.test/i?q=a&amp;amp;s")).isEqualTo("https://x.test/i?q=a&s");
		assertThat(XmltvParser.decode("Tom &amp;amp; Jerry &#233;t&#xE9;")).isEqualTo("Tom & Jerry été");
	}

	@Test
	void readsW9AndTfxGuide() throws IOException {
		Guide guide = guide("euroiptv-fr_W9_TFX_2022-12-19_to_2023-01-03.xml");
		assertThat(guide.channels()).hasSize(46);
		assertThat(guide.duplicates()).isZero();
		assertThat(guide.programmes()).hasSize(333);
		assertThat(guide.programmes()).filteredOn(p -> p.channel().equals("W9.fr")).hasSize(166);
		assertThat(guide.programmes()).filteredOn(p -> p.channel().equals("TFX.fr")).hasSize(167);
		assertThat(guide.programmes()).allMatch(p -> p.stop() != null && p.stop().isAfter(p.start()));
	}

	@Test
	void readsTheXmltvProjectSampleWithoutZoneOrStop() throws IOException {
		Guide guide = guide("xmltv-project-sample-test.xml");
		assertThat(guide.programmes()).hasSize(1);
		Programme p = guide.programmes().get(0);
		// 200006031633 has no offset: read in the default zone (Paris, summer time).
		assertThat(p.start()).isEqualTo(Instant.parse("2000-06-03T14:33:00Z"));
		assertThat(p.stop()).isNull();
		assertThat(p.title()).isEqualTo("blah");
		assertThat(p.description()).isEqualTo("Blah Blah Blah.");
		assertThat(p.categories()).containsExactly("Comedy");
		assertThat(p.episode()).isEqualTo("2 . 9 . 0/1");
	}

	@Test
	void neverResolvesExternalEntities() {
		String evil = """
				<?xml version="1.0"?>
				<!DOCTYPE tv [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<tv><programme start="20220101200000 +0000" channel="c"><title>&xxe;</title></programme></tv>
				""";
		assertThatIllegalArgumentException()
			.isThrownBy(() -> parser.parse(new ByteArrayInputStream(evil.getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	void rejectsWhatIsNotXmltv() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> parser.parse(new ByteArrayInputStream("<html></html>".getBytes(StandardCharsets.UTF_8))));
	}
}
