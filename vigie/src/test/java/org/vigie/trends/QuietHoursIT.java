package org.vigie.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vigie.MutableClock;
import org.vigie.TestClockConfiguration;
import org.vigie.shared.Ids;
import org.vigie.shared.UserId;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Role;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;
import org.vigie.workspace.Workspaces;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;

/**
 * Quiet hours defer e-mail and webhook alerts, which are then delivered grouped when the quiet
 * hours end, each in its recipient's language; time is moved with the injected clock.
 */
@SpringBootTest(properties = { "spring.mail.host=127.0.0.1", "vigie.trends.tick=PT1H" })
@ActiveProfiles("it")
@Import(TestClockConfiguration.class)
class QuietHoursIT {

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

	@Autowired
	Alerts alerts;

	@Autowired
	TrendStore store;

	@Autowired
	Shows shows;

	@Autowired
	Team team;

	@Autowired
	Workspaces workspaces;

	@Autowired
	MutableClock clock;

	private Trend trend(Show show, TrendKind kind, Instant at) {
		Trend t = new Trend(Ids.next().toString(), new SeriesKey(SeriesKey.Kind.SHOW, show.id().toString()),
				show.id().toString(), kind, true, at, at, null, 8.0, kind == TrendKind.SENTIMENT ? 0.6 : 120,
				kind == TrendKind.SENTIMENT ? 0.2 : 10, false, List.of("#panne"),
				List.of(new Trend.Sample(Ids.next().toString(), "fan42", "<b>panne</b> du direct", at)), null);
		store.insert(t, workspaces.current().toString());
		return t;
	}

	@Test
	void quietHoursDeferAlertsThenDeliverThemGroupedInEachRecipientsLanguage() throws Exception {
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
			var invitation = team.invite(ADMIN, "eve-" + System.nanoTime() + "@vigie.test", "Eve", Role.COMMUNITY_MANAGER, Set.of());
			User eve = invitation.user();
			team.setLocale(eve.id(), "en");
			Show show = shows.create(ADMIN, "Nuit blanche " + System.nanoTime());
			alerts.save(new AlertRule(show.id().toString(), true, 4.0, Duration.ofMinutes(30), LocalTime.of(22, 0),
					LocalTime.of(7, 0), List.of("cm@vigie.test", eve.email()),
					"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/vigie", "en"));

			// 22:30 in Paris: quiet.
			clock.set(Instant.parse("2026-11-26T21:30:00Z"));
			Trend spike = trend(show, TrendKind.VOLUME, clock.instant());
			alerts.opened(spike, clock.instant());
			clock.advance(Duration.ofMinutes(40));
			Trend mood = trend(show, TrendKind.SENTIMENT, clock.instant());
			alerts.opened(mood, clock.instant());
			clock.advance(Duration.ofHours(3));
			alerts.flushDeferred();

			assertThat(smtp.getReceivedMessages()).isEmpty();
			assertThat(received).isEmpty();
			assertThat(store.deliveries(spike.id())).contains("email/opened/deferred", "webhook/opened/deferred")
				.anyMatch(d -> d.startsWith("app/opened/"));

			// 07:30 in Paris: the quiet hours are over; both alerts go out, grouped, once.
			clock.set(Instant.parse("2026-11-27T06:30:00Z"));
			alerts.flushDeferred();
			alerts.flushDeferred();

			MimeMessage[] mails = smtp.getReceivedMessages();
			assertThat(mails).hasSize(2);
			List<String> subjects = new ArrayList<>();
			for (MimeMessage m : mails) {
				subjects.add(m.getAllRecipients()[0] + " " + m.getSubject());
				assertThat(m.getAllRecipients()).hasSize(1);
				assertThat(m.getContent().toString()).contains("#panne").contains("trend-" + spike.id())
					.contains("trend-" + mood.id());
			}
			assertThat(subjects).anyMatch(s -> s.startsWith("cm@vigie.test") && s.contains(show.name())
					&& s.contains("2 tendances pendant les heures calmes"));
			assertThat(subjects).anyMatch(s -> s.startsWith(eve.email()) && s.contains("2 trends during quiet hours"));
			assertThat(received).hasSize(1);
			assertThat(received.get(0)).contains("2 trends during quiet hours").contains("volume spike")
				.contains("mood turning").contains("&lt;b&gt;panne").doesNotContain("<b>");
			assertThat(store.deliveries(spike.id())).contains("email/digest/sent", "webhook/digest/sent")
				.doesNotContain("email/opened/deferred");
			assertThat(store.deliveries(mood.id())).contains("email/digest/sent", "webhook/digest/sent");
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	void outsideQuietHoursAnAlertGoesOutAtOnceInTheRecipientsLanguage() throws Exception {
		var invitation = team.invite(ADMIN, "sam-" + System.nanoTime() + "@vigie.test", "Sam", Role.COMMUNITY_MANAGER, Set.of());
		team.setLocale(invitation.user().id(), "en");
		Show show = shows.create(ADMIN, "Midi pile " + System.nanoTime());
		alerts.save(new AlertRule(show.id().toString(), true, 4.0, Duration.ofMinutes(30), LocalTime.of(22, 0),
				LocalTime.of(7, 0), List.of(invitation.user().email()), null, "fr"));
		clock.set(Instant.parse("2026-11-26T11:00:00Z"));
		int before = smtp.getReceivedMessages().length;
		Trend spike = trend(show, TrendKind.VOLUME, clock.instant());
		alerts.opened(spike, clock.instant());

		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).hasSize(before + 1);
		assertThat(mails[before].getSubject()).contains(show.name()).contains("volume spike");
		assertThat(mails[before].getContent().toString()).contains("In the inbox:");
		assertThat(store.deliveries(spike.id())).contains("email/opened/sent");
	}
}
