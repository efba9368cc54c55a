package org.vigie.connectors.reddit;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Batch;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.support.ApiReference;
import org.vigie.connectors.support.FailureWordsTests;
import org.vigie.connectors.support.FakeHttp;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.MutableClock;
import org.vigie.shared.ItemKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RedditConnectorTests {

	final FakeHttp fake = new FakeHttp();

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));

	final RedditConnectorFactory factory = new RedditConnectorFactory(clock, JsonHttp.defaultClient());

	@AfterEach
	void stop() {
		fake.close();
	}

	SocialConnector connector() {
		return factory.open(new AccountCredentials("LaVigieTV", "t2_vigie", fake.baseUrl(),
				Map.of("access_token", "A", "client_id", "cid", "client_secret", "cs"), null));
	}

	@Test
	void readsMentionsWithADescriptiveUserAgent() throws Exception {
		fake.on("GET", "/message/mentions", ApiReference.text("reddit/samples/message-mentions.listing.json"));
		Batch batch = connector().poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);
		assertThat(batch.items()).singleElement().satisfies(i -> {
			assertThat(i.externalId()).isEqualTo("t1_kx1a2b3");
			assertThat(i.kind()).isEqualTo(ItemKind.MENTION);
			assertThat(i.author().handle()).isEqualTo("camille_tv");
			assertThat(i.conversationExternalId()).isEqualTo("t3_1gx0abc");
			assertThat(i.parentExternalId()).isEqualTo("t3_1gx0abc");
		});
		assertThat(batch.hasMore()).isFalse();
		assertThat(fake.requests().get(0).header("User-Agent")).isEqualTo("server:org.vigie:v0.1 (by /u/LaVigieTV)");
		assertThat(fake.requests().get(0).header("Authorization")).isEqualTo("bearer A");
	}

	@Test
	void theInboxGivesRepliesAndTheMessagesFeedPrivateMessages() throws Exception {
		fake.on("GET", "/message/inbox", ApiReference.text("reddit/samples/message-inbox.listing.json"));
		fake.on("GET", "/message/messages", ApiReference.text("reddit/samples/message-inbox.listing.json"));
		Batch replies = connector().poll(Feed.of(Feed.Kind.COMMENTS), Cursor.START);
		assertThat(replies.items()).extracting(i -> i.externalId()).containsExactly("t1_kx1a2b4");
		assertThat(replies.hasMore()).isTrue();
		Batch messages = connector().poll(Feed.of(Feed.Kind.MESSAGES), Cursor.START);
		assertThat(messages.items()).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ItemKind.DIRECT_MESSAGE);
			assertThat(i.text()).isEqualTo("Question replay\nBonjour, l'épisode sera en replay ?");
		});
	}

	@Test
	void anAnswerWithoutItsListingIsUnexpectedAndSaidSoInEachLanguage() {
		fake.on("GET", "/message/mentions", "{\"kind\":\"t2\",\"data\":{\"name\":\"t2_vigie\"}}");

		ConnectorException.Unavailable e = catchThrowableOfType(ConnectorException.Unavailable.class,
				() -> connector().poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START));

		assertThat(e.getMessage()).isEqualTo("Reddit answered /message/mentions without a listing");
		assertThat(FailureWordsTests.messages(Locale.FRENCH).t(e.reason()))
			.isEqualTo("Reddit a envoyé une réponse que son API ne prévoit pas ; Vigie réessaiera");
		assertThat(FailureWordsTests.messages(Locale.ENGLISH).t(e.reason()))
			.isEqualTo("Reddit sent an answer its API does not provide for; Vigie will retry");
	}

	@Test
	void keepsUnderAHundredRequestsAMinutePerClient() throws Exception {
		fake.on("GET", "/message/mentions", "{\"kind\":\"Listing\",\"data\":{\"children\":[],\"after\":null}}");
		SocialConnector c = connector();
		for (int i = 0; i < 100; i++) {
			c.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);
		}
		assertThatThrownBy(() -> connector().poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START))
			.isInstanceOfSatisfying(ConnectorException.RateLimited.class,
					e -> assertThat(e.retryAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1))));
		assertThat(fake.requests()).hasSize(100);
		clock.advance(Duration.ofMinutes(1));
		c.poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START);
	}

	@Test
	void a429WaitsForTheResetReddidGives() {
		fake.on("GET", "/message/mentions", r -> new FakeHttp.Response(429, "{}",
				Map.of("X-Ratelimit-Remaining", "0", "X-Ratelimit-Reset", "312", "X-Ratelimit-Used", "1000")));
		assertThatThrownBy(() -> connector().poll(Feed.of(Feed.Kind.MENTIONS), Cursor.START))
			.isInstanceOfSatisfying(ConnectorException.RateLimited.class,
					e -> assertThat(e.retryAt()).isEqualTo(clock.instant().plusSeconds(312)));
	}

	@Test
	void aRateLimitedCommentSaysHowLongToWait() {
		fake.on("POST", "/api/comment", ApiReference.text("reddit/samples/api-comment-ratelimit-error.json"));
		assertThatThrownBy(() -> connector().actions().orElseThrow().reply("t1_kx1a2b3", "Bientôt !", "k"))
			.isInstanceOfSatisfying(ConnectorException.RateLimited.class,
					e -> assertThat(e.retryAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5))));
	}

	@Test
	void repliesWithTheDocumentedForm() throws Exception {
		fake.on("POST", "/api/comment", ApiReference.text("reddit/samples/api-comment-response.json"));
		assertThat(connector().actions().orElseThrow().reply("t1_kx1a2b3", "Bientôt ! On vous tient au courant.", "k"))
			.isEqualTo("t1_kx1a2b9");
		assertThat(fake.requests().get(0).body())
			.isEqualTo("api_type=json&thing_id=t1_kx1a2b3&text=Bient%C3%B4t%20%21%20On%20vous%20tient%20au%20courant.");
	}
}
