package org.vigie.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.shared.Network;

import static org.assertj.core.api.Assertions.assertThat;

class FanActivityTests {

	private static final Instant OPENED = Instant.parse("2026-11-26T10:30:00Z");

	private static final Instant START = OPENED.minus(Duration.ofDays(7));

	@Test
	void plantsTheUproarOnTheLastCompleteAiringOfRivagesBeforeTheDemoOpens() {
		FanActivity.Moment uproar = FanActivity.moments(START, OPENED).get(0);
		// Rivages airs on weekdays at 20:15 Paris (19:15 UTC in November): the last one before Thursday morning is Wednesday's.
		assertThat(uproar.show()).isEqualTo(FanActivity.CONTROVERSY);
		assertThat(uproar.from()).isEqualTo(Instant.parse("2026-11-25T19:25:00Z"));
		assertThat(uproar.to()).isEqualTo(Instant.parse("2026-11-25T19:55:00Z"));
	}

	@Test
	void announcesANewSeasonOfAShowNotOnAirMinutesAfterTheDemoOpens() {
		List<FanActivity.Moment> moments = FanActivity.moments(START, OPENED);
		FanActivity.Moment live = moments.get(1);
		assertThat(live.from()).isEqualTo(OPENED.plus(FanActivity.LIVE_AFTER));
		assertThat(live.show()).isNotEqualTo(FanActivity.CONTROVERSY);
		assertThat(DemoGuide.airings(live.show(), live.from().minus(Duration.ofHours(3)), live.to())).isEmpty();
		// At 20:30 Paris on a Thursday, Les Gardiens du Phare is about to air: another show is chosen.
		Instant evening = Instant.parse("2026-11-26T19:30:00Z");
		FanActivity.Moment other = FanActivity.moments(evening.minus(Duration.ofDays(7)), evening).get(1);
		assertThat(other.show().slug()).isNotEqualTo("les-gardiens-du-phare");
	}

	@Test
	void writesTheSameHistoryForTheSameSeed() {
		assertThat(history()).isEqualTo(history());
	}

	@Test
	void theUproarIsLouderThanAnAiringAndCarriesItsHashtagFromManyFans() {
		SimWorld world = new SimWorld();
		FanActivity activity = new FanActivity(world, List.of(Network.X), 20261125, 0.08, START, OPENED);
		activity.cast();
		activity.advanceTo(OPENED);
		FanActivity.Moment uproar = activity.moments().get(0);
		List<SimPost> during = world.query(Network.X, OPENED,
				p -> "rivages".equals(p.show()) && !p.createdAt().isBefore(uproar.from()) && p.createdAt().isBefore(uproar.to()));
		Instant day = uproar.from().minus(Duration.ofDays(1));
		List<SimPost> usual = world.query(Network.X, OPENED,
				p -> "rivages".equals(p.show()) && !p.createdAt().isBefore(day) && p.createdAt().isBefore(day.plus(Duration.ofMinutes(30))));
		assertThat(during.size()).isGreaterThan(3 * usual.size());
		assertThat(during.stream().filter(p -> p.text().contains("#" + FanActivity.CONTROVERSY_TAG))
			.map(p -> p.author().handle()).distinct().count()).isGreaterThanOrEqualTo(10);
	}

	private static List<String> history() {
		SimWorld world = new SimWorld();
		FanActivity activity = new FanActivity(world, List.of(Network.X), 20261125, 0.08, START, OPENED);
		activity.cast();
		activity.advanceTo(OPENED);
		return world.query(Network.X, OPENED, p -> true).stream().map(p -> p.createdAt() + " " + p.text()).toList();
	}
}
