package org.vigie.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.RemoteItem;
import org.vigie.connectors.SocialConnector;
import org.vigie.shared.ItemKind;

class RssConnectorTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC);

	private static final Feed FEED = Feed.of(Feed.Kind.MENTIONS);

	private HttpServer server;

	private final List<Headers> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile String body = "";

	private volatile Map<String, String> headers = Map.of();

	private volatile String archive = "";

	@BeforeEach
	void serve() throws IOException {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/feed.xml", exchange -> {
			requests.add(exchange.getRequestHeaders());
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			headers.forEach(exchange.getResponseHeaders()::add);
			boolean hasBody = status == 200;
			exchange.sendResponseHeaders(status, hasBody ? bytes.length : -1);
			if (hasBody) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
			exchange.close();
		});
		server.createContext("/archive/2026-10.xml", exchange -> {
			byte[] bytes = archive.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
			exchange.close();
		});
		server.createContext("/old.xml", exchange -> {
			exchange.getResponseHeaders().add("Location", "/feed.xml");
			exchange.sendResponseHeaders(301, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void readsEntriesOldestFirstAsListeningHits() throws Exception {
		serveFeed(entry("urn:a", "Premier", "2026-11-20T20:00:00Z", "<p>Bravo</p>"),
				entry("urn:b", "Second", "2026-11-20T21:00:00Z", "<p>Encore</p>"));

		Batch batch = connector("/feed.xml").poll(FEED, Cursor.START);

		assertThat(batch.items()).extracting(RemoteItem::externalId).containsExactly("urn:a", "urn:b");
		assertThat(batch.items()).allMatch(i -> i.kind() == ItemKind.LISTENING_HIT);
		assertThat(batch.items().get(1).text()).isEqualTo("Second\n\nEncore");
		assertThat(batch.hasMore()).isFalse();
	}

	@Test
	void sendsValidatorsAndYieldsNothingOnNotModified() throws Exception {
		headers = Map.of("ETag", "\"v1\"", "Last-Modified", "Sat, 21 Nov 2026 08:00:00 GMT");
		serveFeed(entry("urn:a", "Premier", "2026-11-20T20:00:00Z", "x"));
		SocialConnector connector = connector("/feed.xml");
		Batch first = connector.poll(FEED, Cursor.START);

		status = 304;
		Batch second = connector.poll(FEED, first.next());

		assertThat(requests.get(1).getFirst("If-None-Match")).isEqualTo("\"v1\"");
		assertThat(requests.get(1).getFirst("If-Modified-Since")).isEqualTo("Sat, 21 Nov 2026 08:00:00 GMT");
		assertThat(second.items()).isEmpty();
		assertThat(second.next()).isEqualTo(first.next());
	}

	@Test
	void dedupesOnIdAndYieldsAnEditedEntryAgain() throws Exception {
		serveFeed(entry("urn:a", "Premier", "2026-11-20T20:00:00Z", "x"));
		SocialConnector connector = connector("/feed.xml");
		Batch first = connector.poll(FEED, Cursor.START);

		Batch unchanged = connector.poll(FEED, first.next());
		serveFeed(entry("urn:a", "Premier (corrigé)", "2026-11-20T20:00:00Z", "x"),
				entry("urn:b", "Nouveau", "2026-11-20T22:00:00Z", "y"));
		Batch edited = connector.poll(FEED, unchanged.next());

		assertThat(unchanged.items()).isEmpty();
		assertThat(edited.items()).extracting(RemoteItem::externalId).containsExactly("urn:a", "urn:b");
	}

	@Test
	void prefixesGuidsThatAreNotUrisWithTheFeedAddress() throws Exception {
		body = """
				<rss version="2.0"><channel><title>T</title>
				<item><guid isPermaLink="false">42</guid><title>Episode</title></item>
				</channel></rss>""";

		Batch batch = connector("/feed.xml").poll(FEED, Cursor.START);

		assertThat(batch.items().get(0).externalId()).isEqualTo(url("/feed.xml") + "#42");
	}

	@Test
	void sanitisesHtml() throws Exception {
		serveFeed(entry("urn:a", "T", "2026-11-20T20:00:00Z",
				"<p onclick=\"steal()\">Hi<script>alert(1)</script> <a href=\"javascript:alert(2)\">x</a></p>"));

		RemoteItem item = connector("/feed.xml").poll(FEED, Cursor.START).items().get(0);

		assertThat(item.text()).isEqualTo("T\n\nHi x");
		assertThat(item.raw()).doesNotContain("script", "onclick", "javascript");
	}

	@Test
	void waitsForRetryAfterWhenRateLimited() {
		status = 429;
		headers = Map.of("Retry-After", "120");

		assertThatThrownBy(() -> connector("/feed.xml").poll(FEED, Cursor.START))
			.isInstanceOfSatisfying(ConnectorException.RateLimited.class,
					ex -> assertThat(ex.retryAt()).isEqualTo(CLOCK.instant().plusSeconds(120)));
	}

	@Test
	void keepsPollingAfterABrokenDocument() throws Exception {
		SocialConnector connector = connector("/feed.xml");
		body = "<<<not a feed at all";
		assertThatThrownBy(() -> connector.poll(FEED, Cursor.START))
			.isInstanceOf(ConnectorException.Unavailable.class).hasMessageContaining("could not be read");

		serveFeed(entry("urn:a", "Back", "2026-11-20T20:00:00Z", "x"));
		assertThat(connector.poll(FEED, Cursor.START).items()).hasSize(1);
	}

	@Test
	void readsUnclosedTagsLeniently() throws Exception {
		body = "<rss version=\"2.0\"><channel><title>T &eacute;</title><item><title>A & B</title><guid>urn:x</guid>"
				+ "<description>un <b>gras</description></item></channel>";

		Batch batch = connector("/feed.xml").poll(FEED, Cursor.START);

		assertThat(batch.items()).extracting(RemoteItem::externalId).containsExactly("urn:x");
	}

	@Test
	void readsAMicrosoftCdfChannelAsEntries() throws Exception {
		body = "<CHANNEL BASE=\"http://base.example.org/\" HREF=\"http://www.example.org/\"><TITLE>Chaîne</TITLE>"
				+ "<ITEM HREF=\"/item/1\" LASTMOD=\"2004-04-06T23:05:43-05:00\"><TITLE>Un titre</TITLE>"
				+ "<ABSTRACT>Le résumé</ABSTRACT></ITEM></CHANNEL>";

		List<RemoteItem> items = connector("/feed.xml").poll(FEED, Cursor.START).items();

		assertThat(items).singleElement().satisfies(item -> {
			assertThat(item.externalId()).isEqualTo("http://base.example.org/item/1");
			assertThat(item.url()).isEqualTo("http://base.example.org/item/1");
			assertThat(item.text()).isEqualTo("Un titre\n\nLe résumé");
			assertThat(item.createdAt()).isEqualTo(Instant.parse("2004-04-07T04:05:43Z"));
		});
	}

	@Test
	void decodesAtom03Base64TextBrokenOverLines() throws Exception {
		body = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry><id>urn:b64</id>"
				+ "<title mode=\"base64\">\n    RXhhbXBsZSA8Yj5BdG9tPC9iPg==\n  </title></entry></feed>";

		List<RemoteItem> items = connector("/feed.xml").poll(FEED, Cursor.START).items();

		// No type: the decoded title is read as HTML, and Vigie keeps titles as plain text.
		assertThat(items).extracting(RemoteItem::text).containsExactly("Example Atom");
	}

	@Test
	void readsItemsOfAnRssWithoutChannelNorVersion() throws Exception {
		body = "<rss><item><guid>urn:i</guid><description>&lt;!' &lt;a href=\"foo\"&gt;</description></item></rss>";

		assertThat(connector("/feed.xml").poll(FEED, Cursor.START).items()).extracting(RemoteItem::externalId)
			.containsExactly("urn:i");
	}

	@Test
	void readsAFeedWithoutNamespaceAsAtom10AndItsItemsAsEntries() throws Exception {
		body = "<feed xmlns:bogus=\"http://dom.test/ns\"><entry><id bogus:attr=\"wrong\">urn:right</id><title>Entry</title></entry>"
				+ "<item><id>urn:item</id><title>Item</title></item></feed>";

		assertThat(connector("/feed.xml").poll(FEED, Cursor.START).items()).extracting(RemoteItem::externalId)
			.containsExactlyInAnyOrder("urn:right", "urn:item");
	}

	@Test
	void reportsAPermanentMoveAsRenewedCredentials() throws Exception {
		serveFeed(entry("urn:a", "T", "2026-11-20T20:00:00Z", "x"));
		SocialConnector connector = connector("/old.xml");

		connector.poll(FEED, Cursor.START);

		assertThat(connector.renewedCredentials()).hasValueSatisfying(
				c -> assertThat(c.externalId()).isEqualTo(url("/feed.xml")));
		assertThat(connector.renewedCredentials()).isEmpty();
	}

	@Test
	void aRefusedPrivateFeedAsksToReconnectWithoutShowingItsKey() {
		status = 401;

		assertThatThrownBy(() -> connector("/feed.xml?key=s3cr3t-k3y").poll(FEED, Cursor.START))
			.isInstanceOf(ConnectorException.AuthRevoked.class)
			.hasMessageContaining("reconnect")
			.hasMessageContaining("/feed.xml?…")
			.hasMessageNotContaining("s3cr3t");
	}

	@Test
	void stopsOnGone() {
		status = 410;

		assertThatThrownBy(() -> connector("/feed.xml").poll(FEED, Cursor.START))
			.isInstanceOf(ConnectorException.Rejected.class).hasMessageContaining("gone");
	}

	@Test
	void walksBackThroughTheArchiveOfAnArchivedFeedThenStopsAtWhatItRead() throws Exception {
		body = "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Blog</title>"
				+ "<atom:link rel=\"prev-archive\" href=\"/archive/2026-10.xml\"/>"
				+ "<item><guid>urn:b</guid><title>B</title><pubDate>Sat, 21 Nov 2026 08:00:00 GMT</pubDate></item>"
				+ "<item><guid>urn:a</guid><title>A</title><pubDate>Sat, 21 Nov 2026 07:00:00 GMT</pubDate></item>"
				+ "</channel></rss>";
		archive = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog</title>"
				+ "<link rel=\"current\" href=\"/feed.xml\"/>" + entry("urn:old", "Vieux", "2026-10-30T10:00:00Z", "<p>octobre</p>")
				+ "</feed>";
		SocialConnector connector = connector("/feed.xml");

		Batch newest = connector.poll(FEED, Cursor.START);
		assertThat(newest.items()).extracting(RemoteItem::externalId).containsExactly("urn:a", "urn:b");
		assertThat(newest.hasMore()).isTrue();

		Batch older = connector.poll(FEED, newest.next());
		assertThat(older.items()).extracting(RemoteItem::externalId).containsExactly("urn:old");
		assertThat(older.hasMore()).isFalse();

		Batch again = connector.poll(FEED, older.next());
		assertThat(again.items()).isEmpty();
		assertThat(again.hasMore()).as("the newest document holds what was read: no walk").isFalse();
	}

	@Test
	void recordsAnEntryWithNothingToReadAsRejected() throws Exception {
		serveFeed("<entry><id>urn:empty</id><author><name>X</name></author></entry>",
				entry("urn:full", "Plein", "2026-11-20T20:00:00Z", "<p>ok</p>"));

		Batch batch = connector("/feed.xml").poll(FEED, Cursor.START);

		assertThat(batch.items()).extracting(RemoteItem::externalId).containsExactly("urn:full");
		assertThat(batch.rejected()).extracting(Batch.Rejected::externalId).containsExactly("urn:empty");
		assertThat(batch.rejected().get(0).raw()).contains("urn:empty");
	}

	private SocialConnector connector(String path) {
		String url = url(path);
		return new RssConnectorFactory(CLOCK).open(new AccountCredentials(url, url, url, Map.of(), null));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private void serveFeed(String... entries) {
		body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Blog</title>"
				+ "<id>urn:feed</id><updated>2026-11-21T00:00:00Z</updated>" + String.join("", entries) + "</feed>";
	}

	private static String entry(String id, String title, String updated, String html) {
		return "<entry><id>" + id + "</id><title>" + title + "</title><updated>" + updated
				+ "</updated><author><name>Léa</name></author><content type=\"html\">"
				+ html.replace("&", "&amp;").replace("<", "&lt;") + "</content></entry>";
	}
}
