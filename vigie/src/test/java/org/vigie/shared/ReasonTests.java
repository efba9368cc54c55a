package org.vigie.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReasonTests {

	@Test
	void keyedReasonSurvivesItsColumnWithNestedArguments() {
		Reason reason = Reason.of("connectors.poll.revoked",
				Reason.of("connectors.failure.revoked.detail", "X", "401", "Unauthorized \"token\" {0} l'accès"));

		String stored = reason.encode();

		assertThat(stored).startsWith("{\"key\":\"connectors.poll.revoked\"");
		assertThat(Reason.decode(stored)).isEqualTo(reason);
		assertThat(Reason.decode(stored).code()).contains("connectors.poll.revoked");
	}

	@Test
	void plainWordsAreStoredAsThemselvesAndHaveNoCode() {
		Reason words = Reason.words("Mis en pause par ana@example.org");

		assertThat(words.encode()).isEqualTo("Mis en pause par ana@example.org");
		assertThat(Reason.decode(words.encode())).isEqualTo(words);
		assertThat(words.code()).isEmpty();
	}

	@Test
	void olderRowsAndLookalikesReadAsPlainWords() {
		assertThat(Reason.decode("X refuse l'accès de ce compte : reconnectez le compte (HTTP 401)").plain()).isTrue();
		assertThat(Reason.decode("{\"key\": broken").plain()).isTrue();
		assertThat(Reason.decode("{\"key\":42,\"args\":[]}").plain()).isTrue();
		assertThat(Reason.decode("{\"key\":\"a.b\",\"args\":\"not a list\"}").plain()).isTrue();
	}

	@Test
	void shortenedForItsColumnStaysReadable() {
		Reason reason = Reason.of("connectors.failure.rejected.detail", "Reddit", "400", "x".repeat(5000));

		String stored = reason.encode(1000);

		assertThat(stored.length()).isLessThanOrEqualTo(1000);
		Reason back = Reason.decode(stored);
		assertThat(back.key()).isEqualTo("connectors.failure.rejected.detail");
		assertThat(back.args()).hasSize(3).startsWith("Reddit", "400");
		assertThat(Reason.words("y".repeat(3000)).encode(1000)).hasSize(1000);
	}

	@Test
	void argumentsAreTextOrReasons() {
		assertThat(Reason.of("k", 429, Reason.words("w")).args()).containsExactly("429", Reason.words("w"));
		assertThatThrownBy(() -> Reason.of(" ")).isInstanceOf(IllegalArgumentException.class);
	}
}
