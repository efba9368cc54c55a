package org.vigie.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.vigie.ingest.Annotations;
import org.vigie.ingest.Author;
import org.vigie.ingest.IncomingItem;
import org.vigie.ingest.ItemStage;
import org.vigie.shared.Ids;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.WorkspaceId;

/** The enrichment stage as the application wires it: one of the ingestion's stages, with its settings. */
@SpringBootTest
@ActiveProfiles("it")
class EnrichStageIT {

	@Autowired
	List<ItemStage> stages;

	@Autowired
	EnrichSettings settings;

	@Autowired
	Clock clock;

	@Test
	void enrichesItemsAsAnIngestionStage() {
		ItemStage enrich = stages.stream().filter(s -> s.name().equals("enrich")).findFirst().orElseThrow();
		assertThat(enrich.order()).isEqualTo(100);
		Author author = new Author(Network.MASTODON, "7", "fan", null, 50_000L, false, null, null);
		IncomingItem item = new IncomingItem(new ItemId(Ids.next()), Network.MASTODON, "99", ItemKind.COMMENT,
				new WorkspaceId(Ids.next()), null, null, author, "Quand est-ce que la saison 2 arrive ? #DALS 😍", null,
				clock.instant(), null, null, false, true, null, Annotations.NONE);
		Annotations a = enrich.apply(item).annotations();
		assertThat(a.lang()).isEqualTo("fr");
		assertThat(a.sentiment()).isNotNull();
		assertThat(a.hashtags()).containsExactly("DALS");
		assertThat(a.emojis()).containsExactly("😍");
		assertThat(a.priorityReasons()).contains("question", "reply_to_us", "influential", "recent");
		assertThat(a.errors()).isEmpty();
	}

	@Test
	void bindsItsSettingsWithDefaults() {
		assertThat(settings.influentialFollowers()).isEqualTo(10_000);
		assertThat(settings.policy().recentWithin()).isEqualTo(Duration.ofHours(2));
	}
}
