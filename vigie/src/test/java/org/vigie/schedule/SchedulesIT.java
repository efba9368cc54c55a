package org.vigie.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.vigie.SharedData;
import org.vigie.shared.UserId;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;

import com.sun.net.httpserver.HttpServer;

@SpringBootTest
@ActiveProfiles("it")
class SchedulesIT {

	private static final Actor ADMIN = new Actor(UserId.generate(), "admin@vigie.test", Role.ADMIN, Set.of());

	@Autowired
	Schedules schedules;

	@Autowired
	Shows shows;

	@Autowired
	JdbcClient jdbc;

	private static Path guide(String name) {
		return SharedData.path("xmltv-fr").resolve(name);
	}

	@Test
	void importsAGuideTwiceWithoutDuplicatingProgrammes() throws IOException {
		try (InputStream in = Files.newInputStream(guide("xmltvfr_TF1_2022-01-07_to_2022-01-16.xml"))) {
			ImportReport report = schedules.importGuide(ADMIN, "tf1.xml", in);
			assertThat(report.programmes()).isEqualTo(259);
			assertThat(report.duplicates()).isEqualTo(8);
		}
		try (InputStream in = Files.newInputStream(guide("xmltvfr_TF1_2022-01-07_to_2022-01-16.xml"))) {
			schedules.importGuide(ADMIN, "tf1.xml", in);
		}
		long stored = jdbc.sql("SELECT COUNT(*) FROM programmes WHERE channel = 'TF1.fr'").query(Long.class).single();
		assertThat(stored).isEqualTo(259);
	}

	@Test
	void linksAShowToItsProgrammeTitleAndListsItsAirings() throws IOException {
		try (InputStream in = Files.newInputStream(guide("xmltvfr_TF1_2022-01-07_to_2022-01-16.xml"))) {
			schedules.importGuide(ADMIN, "tf1.xml", in);
		}
		Show show = shows.create(ADMIN, "Esprits criminels " + System.nanoTime());
		schedules.link(ADMIN, show.id(), "ESPRITS CRIMINELS");

		List<Airing> airings = schedules.airings(show.id(), Instant.parse("2022-01-07T00:00:00Z"),
				Instant.parse("2022-01-17T00:00:00Z"));
		assertThat(airings).isNotEmpty().allMatch(a -> a.title().equals("Esprits criminels") && a.channel().equals("TF1"));
		assertThat(airings).filteredOn(a -> a.start().equals(Instant.parse("2022-01-09T22:50:00Z"))).hasSize(1);
		assertThat(schedules.titles(show.id())).containsExactly("ESPRITS CRIMINELS");
	}

	@Test
	void importsAGzippedGuideFromAUrl() throws IOException {
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (OutputStream gz = new GZIPOutputStream(zipped)) {
			gz.write(Files.readAllBytes(guide("euroiptv-fr_W9_TFX_2022-12-19_to_2023-01-03.xml")));
		}
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/guide.xml.gz", exchange -> {
			exchange.sendResponseHeaders(200, zipped.size());
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(zipped.toByteArray());
			}
		});
		server.start();
		try {
			ImportReport report = schedules.addUrl(ADMIN,
					"http://127.0.0.1:" + server.getAddress().getPort() + "/guide.xml.gz");
			assertThat(report.programmes()).isEqualTo(333);
			assertThat(report.channels()).isEqualTo(46);
			assertThat(schedules.sources()).anyMatch(s -> s.url() != null && s.programmes() == 333 && s.fetchedAt() != null);
		}
		finally {
			server.stop(0);
		}
	}
}
