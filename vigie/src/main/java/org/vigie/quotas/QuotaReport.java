package org.vigie.quotas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import org.vigie.accounts.Accounts;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.QuotaMeter;
import org.vigie.shared.Network;
import org.vigie.workspace.Actor;

/**
 * What is left of each budget, for people: YouTube's units and searches today (the day runs
 * midnight to midnight Pacific), and each Instagram account's hashtags of the last 7 days.
 */
@Service
public class QuotaReport {

	/** YouTube's defaults (https://developers.google.com/youtube/v3/determine_quota_cost). */
	static final long YOUTUBE_UNITS = 10_000;

	static final long YOUTUBE_SEARCHES = 100;

	static final int INSTAGRAM_HASHTAGS = 30;

	private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

	private final QuotaMeter meter;

	private final Accounts accounts;

	private final Clock clock;

	QuotaReport(QuotaMeter meter, Accounts accounts, Clock clock) {
		this.meter = meter;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A budget: how much is used of how much, and when it frees. */
	public record Budget(String label, long used, long limit, Instant resets) {

		public int percent() {
			return limit == 0 ? 0 : (int) Math.min(100, used * 100 / limit);
		}
	}

	/** The hashtags one Instagram account searched in the last 7 days. */
	public record Hashtags(String account, Map<String, Instant> used, int limit, Instant nextFrees) {
	}

	public List<Budget> youtube() {
		Instant day = ZonedDateTime.now(clock.withZone(PACIFIC)).toLocalDate().atStartOfDay(PACIFIC).toInstant();
		Instant reset = ZonedDateTime.ofInstant(day, PACIFIC).plusDays(1).toInstant();
		return List.of(new Budget("units", meter.spent(Network.YOUTUBE, "app", "units", day), YOUTUBE_UNITS, reset),
				new Budget("search", meter.spent(Network.YOUTUBE, "app", "search", day), YOUTUBE_SEARCHES, reset));
	}

	public List<Hashtags> instagram(Actor actor) {
		Instant now = clock.instant();
		Instant since = now.minus(Duration.ofDays(7));
		return accounts.visibleTo(actor).stream()
			.filter(a -> a.network() == Network.INSTAGRAM && a.externalId() != null)
			.map((SocialAccount a) -> {
				Map<String, Instant> used = meter.used(Network.INSTAGRAM, a.externalId(), "hashtags", since);
				Instant frees = used.values().stream().min(Instant::compareTo).map(t -> t.plus(Duration.ofDays(7))).orElse(now);
				return new Hashtags(a.handle(), used, INSTAGRAM_HASHTAGS, frees);
			})
			.toList();
	}
}
