package org.vigie.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigie.MutableClock;
import org.vigie.ingest.Annotations;
import org.vigie.ingest.Author;
import org.vigie.ingest.IncomingItem;
import org.vigie.schedule.Schedules;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.UserId;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Workspaces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;

/**
 * The trend engine on a replayed stream of items: items are fed bucket by bucket and the engine is
 * told what time it is, as the scheduler does in production. Every replay runs from several times of
 * day, on the hour and off it: what the detector judges must not depend on where the hour falls in
 * the stream (issue 8: started on the hour, a burst on the first bucket of an hour the series had not
 * seen yet became that hour's normal).
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "vigie.trends.tick=PT1H" })
@ActiveProfiles("it")
class TrendsIT {

	/**
	 * The application starts at a fixed time rather than the machine's, so that what the tests assert
	 * does not depend on when the suite runs; each replay then moves the clock on to its own start.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class ReplayClock {

		@Bean
		@Primary
		MutableClock replayClock() {
			return new MutableClock(Instant.parse("2026-11-24T14:32:10Z"));
		}
	}

	/** Alert mails arrive here; each test starts with empty mailboxes. */
	@RegisterExtension
	static GreenMailExtension smtp = TestMail.server();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestMail.port(registry, smtp);
	}

	@BeforeEach
	void emptyMailboxes() throws FolderException {
		smtp.purgeEmailFromAllMailboxes();
	}

	private static final Actor ADMIN = new Actor(UserId.generate(), "admin@vigie.test", Role.ADMIN, Set.of());

	private static final Duration BUCKET = Duration.ofMinutes(5);

	@Autowired
	MutableClock clock;

	@Autowired
	TrendEngine engine;

	@Autowired
	TrendStore store;

	@Autowired
	Alerts alerts;

	@Autowired
	Shows shows;

	@Autowired
	Schedules schedules;

	@Autowired
	Workspaces workspaces;

	private final Random random = new Random(7);

	private int sequence;

	private Show newShow(String name) {
		return shows.create(ADMIN, name + " " + System.nanoTime());
	}

	private IncomingItem item(Show show, Instant at, String author, String text) {
		return new IncomingItem(ItemId.generate(), Network.X, "ext-" + (++sequence) + "-" + System.nanoTime(),
				ItemKind.MENTION, workspaces.current(), show.id(), null,
				new Author(Network.X, author, author, author, null, false, null, null), text, null, at, null, null, false,
				false, null, Annotations.NONE.withSentiment("neutral", 0.9));
	}

	private int poisson(double mean) {
		double l = Math.exp(-mean);
		int k = 0;
		double p = 1;
		do {
			k++;
			p *= random.nextDouble();
		}
		while (p > l);
		return k - 1;
	}

	/** Feeds one bucket of {@code count} items from distinct authors, then lets the bucket close. */
	private void bucket(Show show, Instant start, int count, String text) {
		List<IncomingItem> items = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			items.add(item(show, start.plusSeconds(random.nextInt(300)), "fan" + random.nextInt(1_000_000), text));
		}
		engine.accept(items);
		engine.tick(start.plus(BUCKET).plus(Duration.ofMinutes(1)));
	}

	/**
	 * Moves the clock, and the engine's stream with it, on to the next {@code timeOfDay} (UTC), as if
	 * the application had been started then; returns the replay's first bucket, the one holding that
	 * time. One application context serves every replay, and its stream only goes forward.
	 */
	private Instant start(LocalTime timeOfDay) {
		Instant open = engine.openBucketStart();
		Instant at = open.atZone(ZoneOffset.UTC).with(timeOfDay).toInstant();
		if (at.isBefore(open)) {
			at = at.plus(Duration.ofDays(1));
		}
		clock.set(at);
		Instant first = Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), BUCKET.toMillis()) * BUCKET.toMillis());
		// The buckets before the first one are over once the lateness margin (1 minute) has passed.
		engine.tick(first.plus(Duration.ofMinutes(1)));
		assertThat(engine.openBucketStart()).isEqualTo(first);
		return first;
	}

	private List<Trend> volumeTrends(Show show, Instant from, Instant to) {
		return store.ofShow(show.id().toString(), from, to, 100).stream()
			.filter(t -> t.kind() == TrendKind.VOLUME && t.series().kind() == SeriesKey.Kind.SHOW)
			.toList();
	}

	@ParameterizedTest(name = "replayed from {0} UTC")
	@ValueSource(strings = { "00:00:00", "09:01:49", "14:32:10", "20:30:00" })
	void detectsAPlantedBurstWithinTwoBuckets(LocalTime startsAt) {
		Show show = newShow("Burst");
		Instant t = start(startsAt);
		for (int i = 0; i < 12 * 8; i++, t = t.plus(BUCKET)) {
			bucket(show, t, poisson(10), "on regarde l'émission ce soir");
		}
		Instant burst = t;
		bucket(show, t, 40, "quelle finale incroyable #finale");
		t = t.plus(BUCKET);
		bucket(show, t, 90, "la finale, l'arbitre, incroyable #finale");
		List<Trend> trends = volumeTrends(show, burst.minus(Duration.ofHours(9)), burst.plus(Duration.ofHours(1)));
		assertThat(trends).hasSize(1);
		Trend trend = trends.get(0);
		assertThat(trend.startedAt()).isBetween(burst, burst.plus(BUCKET));
		assertThat(trend.terms()).contains("#finale");
		assertThat(trend.samples()).isNotEmpty();
		assertThat(trend.alertedAt()).isNotNull();
	}

	@ParameterizedTest(name = "replayed from {0} UTC")
	@ValueSource(strings = { "00:00:00", "09:01:49", "14:32:10", "20:30:00" })
	void anAiringOfUsualSizeIsQuietWhileAnUnusualOneAlerts(LocalTime startsAt) {
		Show show = newShow("Le Grand Quiz");
		Instant t = start(startsAt);
		// A daily airing of an hour, starting 3 hours from now; the guide is imported first.
		Instant first = t.plus(Duration.ofHours(3));
		StringBuilder guide = new StringBuilder("<tv>");
		DateTimeFormatter xmltv = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);
		for (int day = 0; day < 5; day++) {
			Instant s = first.plus(Duration.ofDays(day));
			guide.append("<programme channel=\"TF1.fr\" start=\"").append(xmltv.format(s)).append("\" stop=\"")
				.append(xmltv.format(s.plus(Duration.ofHours(1)))).append("\"><title>").append(show.name())
				.append("</title></programme>");
		}
		guide.append("</tv>");
		schedules.importGuide(ADMIN, "quiz.xml", new ByteArrayInputStream(guide.toString().getBytes(StandardCharsets.UTF_8)));
		schedules.link(ADMIN, show.id(), show.name());

		List<Instant> alertsInAirings = new ArrayList<>();
		for (int day = 0; day < 5; day++) {
			Instant airing = first.plus(Duration.ofDays(day));
			for (; t.isBefore(airing.plus(Duration.ofDays(1)).minus(Duration.ofHours(3))); t = t.plus(BUCKET)) {
				boolean on = !t.isBefore(airing) && t.isBefore(airing.plus(Duration.ofMinutes(90)));
				// Airings bring 8 times the usual volume; the fourth one (day 3) brings 24 times.
				double factor = on ? (day == 3 ? 24 : 8) : 1;
				bucket(show, t, poisson(20 * factor), "le quiz ce soir");
			}
			volumeTrends(show, airing, airing.plus(Duration.ofMinutes(90))).stream()
				.filter(tr -> tr.alertedAt() != null && !tr.startedAt().isBefore(airing))
				.forEach(tr -> alertsInAirings.add(airing));
		}
		List<Instant> airings = List.of(first.plus(Duration.ofDays(1)), first.plus(Duration.ofDays(2)),
				first.plus(Duration.ofDays(3)), first.plus(Duration.ofDays(4)));
		// Day 0 has no past airing to compare with; days 1, 2 and 4 are usual, day 3 is not.
		assertThat(alertsInAirings).doesNotContain(airings.get(0), airings.get(1), airings.get(3));
		assertThat(alertsInAirings).containsOnlyOnce(airings.get(2));
	}

	@ParameterizedTest(name = "replayed from {0} UTC")
	@ValueSource(strings = { "00:00:00", "09:01:49", "14:32:10", "20:30:00" })
	void oneEventGivesOneAlertThatUpdatesNeverAStorm(LocalTime startsAt) {
		Show show = newShow("Storm");
		Instant t = start(startsAt);
		for (int i = 0; i < 12 * 8; i++, t = t.plus(BUCKET)) {
			bucket(show, t, poisson(10), "une soirée ordinaire");
		}
		Instant burst = t;
		for (int i = 0; i < 24; i++, t = t.plus(BUCKET)) {
			// Two hours of uproar with ups and downs.
			bucket(show, t, 60 + (int) (140 * random.nextDouble()) + i * 5, "scandale en direct #polemique");
		}
		for (int i = 0; i < 24; i++, t = t.plus(BUCKET)) {
			bucket(show, t, poisson(10), "une soirée ordinaire");
		}
		List<Trend> trends = volumeTrends(show, burst.minus(Duration.ofHours(1)), t);
		assertThat(trends).hasSize(1);
		Trend trend = trends.get(0);
		assertThat(trend.open()).isFalse();
		assertThat(trend.updatedAt()).isAfter(trend.startedAt());
		List<String> deliveries = store.deliveries(trend.id());
		assertThat(deliveries.stream().filter(d -> d.startsWith("app/opened"))).hasSize(1);
		assertThat(deliveries.stream().filter(d -> d.contains("/updated/"))).hasSizeLessThanOrEqualTo(1);
	}

	@ParameterizedTest(name = "replayed from {0} UTC")
	@ValueSource(strings = { "00:00:00", "09:01:49", "14:32:10", "20:30:00" })
	void deliversAlertsByEmailAndWebhookOnceEach(LocalTime startsAt) throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		receiver.createContext("/hooks/vigie", exchange -> {
			try (InputStream body = exchange.getRequestBody()) {
				received.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			exchange.sendResponseHeaders(200, 2);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("ok".getBytes(StandardCharsets.UTF_8));
			}
		});
		receiver.start();
		try {
			Show show = newShow("Alertes");
			alerts.save(new AlertRule(show.id().toString(), true, 4.0, Duration.ofMinutes(30), null, null,
					List.of("cm@vigie.test"), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/vigie", "fr"));
			Instant t = start(startsAt);
			for (int i = 0; i < 12 * 8; i++, t = t.plus(BUCKET)) {
				bucket(show, t, poisson(10), "rien de spécial");
			}
			for (int i = 0; i < 6; i++, t = t.plus(BUCKET)) {
				bucket(show, t, 120, "<b>panne</b> du direct #panne & co");
			}

			MimeMessage[] mails = smtp.getReceivedMessages();
			List<String> subjects = new ArrayList<>();
			for (MimeMessage m : mails) {
				subjects.add(m.getSubject());
			}
			List<String> log = store.ofShow(show.id().toString(), t.minus(Duration.ofDays(2)), t.plus(BUCKET), 100).stream()
				.map(tr -> tr.kind() + " " + tr.series() + " " + tr.startedAt() + " " + store.deliveries(tr.id())).toList();
			assertThat(mails).as(subjects + " " + log).hasSize(1);
			assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("cm@vigie.test");
			assertThat(mails[0].getSubject()).contains(show.name()).contains("pic de volume");
			assertThat(mails[0].getContent().toString()).contains("#panne").contains("/inbox?show=" + show.slug());

			// The webhook tells the opening, and at most once that the event grew.
			assertThat(received).hasSizeBetween(1, 2);
			assertThat(received.get(0)).contains("\"username\":\"Vigie\"").contains("\"text\":")
				.contains("&lt;b&gt;panne").doesNotContain("<b>");
		}
		finally {
			receiver.stop(0);
		}
	}
}
