package org.vigie.connectors.rss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.support.FakeHttp;

class RssSignInTests {

	private final FakeHttp http = new FakeHttp();

	private final RssSignIn signIn = new RssSignIn(Clock.systemUTC());

	@AfterEach
	void stop() {
		http.close();
	}

	@Test
	void namesTheAccountAfterTheFeedAndStoresItsAddress() throws Exception {
		http.on("GET", "/feed.xml", "<rss version=\"2.0\"><channel><title>Le blog &amp; la s&#233;rie</title></channel></rss>");

		ConnectedIdentity identity = signIn.signIn("", http.baseUrl() + "/feed.xml", "");

		assertThat(identity.displayName()).isEqualTo("Le blog & la série");
		assertThat(identity.handle()).isEqualTo(http.baseUrl().replaceFirst("^http://", "") + "/feed.xml");
		assertThat(identity.externalId()).isEqualTo(http.baseUrl() + "/feed.xml");
		assertThat(identity.secrets()).containsEntry("feed_url", http.baseUrl() + "/feed.xml");
	}

	@Test
	void aPrivateFeedIsKnownByItsAddressWithoutItsKeySoANewKeyReconnectsTheSameAccount() throws Exception {
		http.on("GET", "/private.xml", "<rss version=\"2.0\"><channel><title>Forum privé</title></channel></rss>");

		ConnectedIdentity first = signIn.signIn("", http.baseUrl() + "/private.xml?format=rss&key=0ld-k3y", "");
		ConnectedIdentity again = signIn.signIn("", http.baseUrl() + "/private.xml?format=rss&key=n3w-k3y", "");

		assertThat(first.handle()).isEqualTo(again.handle()).endsWith("/private.xml?format=rss").doesNotContain("k3y");
		assertThat(first.externalId()).isEqualTo(again.externalId()).doesNotContain("k3y");
		assertThat(first.baseUrl()).doesNotContain("k3y");
		assertThat(again.secrets()).containsEntry("feed_url", http.baseUrl() + "/private.xml?format=rss&key=n3w-k3y");
	}

	@Test
	void twoFeedsWithTheSameTitleAreTwoAccounts() throws Exception {
		http.on("GET", "/a.xml", "<rss version=\"2.0\"><channel><title>Blog</title></channel></rss>");
		http.on("GET", "/b.xml", "<rss version=\"2.0\"><channel><title>Blog</title></channel></rss>");

		assertThat(signIn.signIn("", http.baseUrl() + "/a.xml", "").handle())
			.isNotEqualTo(signIn.signIn("", http.baseUrl() + "/b.xml", "").handle());
	}

	@Test
	void refusesAPageThatIsNotAFeed() {
		http.on("GET", "/page", "{\"not\":\"a feed\"}");

		assertThatThrownBy(() -> signIn.signIn("", http.baseUrl() + "/page", ""))
			.isInstanceOf(ConnectorException.Rejected.class).hasMessageContaining("not an RSS or Atom feed");
	}

	@Test
	void refusesWhatIsNotAWebAddress() {
		assertThatThrownBy(() -> signIn.signIn("", "file:///etc/passwd", ""))
			.isInstanceOf(ConnectorException.Rejected.class).hasMessageContaining("http");
	}
}
