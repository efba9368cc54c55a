package org.vigie.connectors.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.vigie.connectors.ConnectorException;
import org.vigie.shared.Reason;
import org.vigie.web.Messages;

/** The words people read when a network fails: in their language, the network's own words left as written. */
public class FailureWordsTests {

	private static final Instant NOW = Instant.parse("2026-11-26T05:00:00Z");

	private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

	private final Messages french = messages(Locale.FRENCH);

	private final Messages english = messages(Locale.ENGLISH);

	@Test
	void revokedAccessAsksToReconnectInEachLanguage() {
		ConnectorException e = failure("X", JsonHttp.Failure.AUTH_REVOKED, 401, "Unauthorized");

		assertThat(e).isInstanceOf(ConnectorException.AuthRevoked.class);
		assertThat(e.reason().code()).contains("connectors.failure.revoked.detail");
		assertThat(french.t(e.reason())).isEqualTo(
				"X refuse l'accès de ce compte (jeton ou clé expiré ou révoqué) : reconnectez le compte (HTTP 401 : Unauthorized)");
		assertThat(english.t(e.reason())).isEqualTo(
				"X refuses this account's access (token or key expired or revoked): reconnect the account (HTTP 401: Unauthorized)");
		assertThat(e.getMessage()).contains("reconnect the account").contains("Unauthorized");
	}

	@Test
	void everyKindHasItsWordsWithAndWithoutTheNetworksDetail() {
		assertThat(french.t(failure("Reddit", JsonHttp.Failure.RATE_LIMITED, 429, "").reason()))
			.isEqualTo("Reddit : trop de requêtes (HTTP 429)");
		assertThat(english.t(failure("Reddit", JsonHttp.Failure.RATE_LIMITED, 429, "").reason()))
			.isEqualTo("Reddit: too many requests (HTTP 429)");
		assertThat(french.t(failure("YouTube", JsonHttp.Failure.UNAVAILABLE, 503, "backendError").reason()))
			.isEqualTo("YouTube est indisponible (HTTP 503 : backendError)");
		assertThat(english.t(failure("YouTube", JsonHttp.Failure.UNAVAILABLE, 503, "").reason()))
			.isEqualTo("YouTube is unavailable (HTTP 503)");
		assertThat(french.t(failure("Meta", JsonHttp.Failure.REJECTED, 400, "").reason()))
			.isEqualTo("Meta a refusé la requête (HTTP 400)");
		assertThat(english.t(failure("Meta", JsonHttp.Failure.REJECTED, 400, "Invalid parameter").reason()))
			.isEqualTo("Meta refused the request (HTTP 400: Invalid parameter)");
	}

	@Test
	void theNetworksOwnWordsStayAsWritten() {
		ConnectorException e = failure("Bluesky", JsonHttp.Failure.REJECTED, 400, "can't parse {0} ''here''");

		assertThat(english.t(e.reason())).isEqualTo("Bluesky refused the request (HTTP 400: can't parse {0} ''here'')");
		assertThat(french.t(e.reason())).isEqualTo("Bluesky a refusé la requête (HTTP 400 : can't parse {0} ''here'')");
	}

	@Test
	void aSubjectWithWordsOfItsOwnIsTranslatedToo() {
		ConnectorException e = JsonHttp.failure(Reason.of("connectors.subject.mastodon"), "The Mastodon instance",
				JsonHttp.Failure.UNAVAILABLE, 502, "", NO_HEADERS, JsonHttp::retryAfter, NOW);

		assertThat(french.t(e.reason())).isEqualTo("L'instance Mastodon est indisponible (HTTP 502)");
		assertThat(english.t(e.reason())).isEqualTo("The Mastodon instance is unavailable (HTTP 502)");
		assertThat(e.getMessage()).isEqualTo("The Mastodon instance is unavailable (HTTP 502)");
	}

	@Test
	void aStoredReasonIsWordedWhenShownAndOlderWordsShowAsTheyAre() {
		String stored = Reason.of("connectors.poll.revoked", failure("X", JsonHttp.Failure.AUTH_REVOKED, 401, "").reason())
			.encode();

		assertThat(french.t(stored)).startsWith("Autorisation perdue : X refuse l'accès de ce compte").endsWith("(HTTP 401)");
		assertThat(english.t(stored)).startsWith("Authorisation lost: X refuses this account's access");
		assertThat(english.reason(stored)).isEqualTo(english.t(stored));
		assertThat(english.reason(null)).isNull();
		assertThat(english.t("Le flux a disparu : reconnectez-le")).isEqualTo("Le flux a disparu : reconnectez-le");
	}

	@Test
	void aFailureWithoutKeyIsItsMessage() {
		ConnectorException e = new ConnectorException.Rejected("Publishing images to Bluesky is not supported yet");

		assertThat(e.reason().plain()).isTrue();
		assertThat(french.t(e.reason())).isEqualTo("Publishing images to Bluesky is not supported yet");
	}

	@Test
	void signInRefusalsAreWordedInEachLanguage() {
		assertThat(french.t(Reason.of("connectors.rss.scheme")))
			.isEqualTo("L'adresse d'un flux commence par http:// ou https://, comme https://example.org/feed.xml");
		assertThat(english.t(Reason.of("connectors.rss.not-a-feed", "https://example.org/", "no <rss> element")))
			.isEqualTo("The page at https://example.org/ is not an RSS or Atom feed: no <rss> element");
		assertThat(french.t(Reason.of("connectors.rss.not-a-feed", "https://example.org/", "no <rss> element")))
			.isEqualTo("La page https://example.org/ n'est pas un flux RSS ou Atom : no <rss> element");
		assertThat(french.t(Reason.of("connectors.youtube.no-refresh-token"))).contains("jeton de rafraîchissement")
			.contains("retirez l'accès de Vigie");
		assertThat(english.t(Reason.of("connectors.authorize.code-refused", "Reddit", "invalid_grant")))
			.isEqualTo("Reddit refused the authorisation code: invalid_grant");
		assertThat(french.t(Reason.of("connectors.authorize.refused", Reason.of("connectors.subject.mastodon"), "Forbidden")))
			.isEqualTo("L'instance Mastodon a refusé : Forbidden");
		assertThat(french.t(Reason.of("connectors.graph.token.expired", "Session has expired")))
			.isEqualTo("Le jeton d'accès a expiré : reconnectez le compte. (Session has expired)");
	}

	@Test
	void aNetworkThatDoesNotAnswerIsSaidInEachLanguage() throws Exception {
		int port;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			port = free.getLocalPort();
		}
		JsonHttp http = new JsonHttp(java.time.Duration.ofSeconds(2), JsonHttp.USER_AGENT);
		ConnectorException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConnectorException.Unavailable.class,
				() -> http.get(java.net.URI.create("http://127.0.0.1:" + port + "/"), Map.of()));

		assertThat(e.reason().code()).contains("connectors.no-answer");
		assertThat(french.t(e.reason())).startsWith("Pas de réponse de 127.0.0.1 : ");
		assertThat(english.t(e.reason())).startsWith("No answer from 127.0.0.1: ");
	}

	/** A key read with arguments goes through MessageFormat (a quote is written twice), one without is shown as written. */
	@Test
	void quotesAreWrittenForHowEachKeyIsRead() throws Exception {
		for (String bundle : new String[] { "i18n/connectors.properties", "i18n/connectors_en.properties" }) {
			java.util.Properties p = new java.util.Properties();
			try (var in = new java.io.InputStreamReader(getClass().getClassLoader().getResourceAsStream(bundle),
					java.nio.charset.StandardCharsets.UTF_8)) {
				p.load(in);
			}
			for (String key : p.stringPropertyNames()) {
				String text = p.getProperty(key);
				boolean formatted = text.contains("{0}");
				assertThat(formatted ? text.replace("''", "").contains("'") : text.contains("''"))
					.as(bundle + " " + key + " = " + text).isFalse();
			}
		}
	}

	private static ConnectorException failure(String network, JsonHttp.Failure kind, int status, String detail) {
		return JsonHttp.failure(network, kind, status, detail, NO_HEADERS, JsonHttp::retryAfter, NOW);
	}

	/** The bundles as the application registers them (French as the default bundle, no fallback to the system's). */
	/** The connectors' words in one language, as the application reads them. */
	public static Messages messages(Locale locale) {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages", "i18n/accounts", "i18n/connectors", "i18n/inbox");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return new Messages(source, locale);
	}
}
