package org.vigie.connectors.youtube;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.QuotaMeter;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;

/**
 * YouTube's daily quota, per Google Cloud project (so shared by every channel Vigie reads): 10,000
 * units in the default bucket, and 100 calls in search's own bucket; both reset at midnight
 * Pacific time. A call that would go over is refused here as rate limited until the reset.
 */
final class YouTubeQuota {

	static final String UNITS = "units";

	static final String SEARCH = "search";

	static final long DAILY_UNITS = 10_000;

	static final long DAILY_SEARCHES = 100;

	/** The quota belongs to the app (the Google Cloud project), not to one channel. */
	static final String APP = "app";

	private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

	private final QuotaMeter meter;

	private final Clock clock;

	YouTubeQuota(QuotaMeter meter, Clock clock) {
		this.meter = meter;
		this.clock = clock;
	}

	/** Midnight Pacific that started the current quota day. */
	Instant dayStart() {
		return ZonedDateTime.now(clock.withZone(PACIFIC)).toLocalDate().atStartOfDay(PACIFIC).toInstant();
	}

	Instant nextReset() {
		return ZonedDateTime.ofInstant(dayStart(), PACIFIC).plusDays(1).toInstant();
	}

	/**
	 * Takes {@code units} from {@code bucket} or refuses.
	 * @throws ConnectorException.RateLimited if the day's quota would be exceeded
	 */
	void spend(String bucket, long units) throws ConnectorException.RateLimited {
		long limit = SEARCH.equals(bucket) ? DAILY_SEARCHES : DAILY_UNITS;
		Instant day = dayStart();
		long spent = meter.spent(Network.YOUTUBE, APP, bucket, day);
		if (spent + units > limit) {
			throw new ConnectorException.RateLimited("YouTube's daily quota (" + limit + " " + bucket
					+ ") is used up; it resets at midnight Pacific time",
					Reason.of("connectors.youtube.quota", String.valueOf(limit), bucket), nextReset());
		}
		meter.spend(Network.YOUTUBE, APP, bucket, day, units);
	}

	/** Records that YouTube itself said the quota is exceeded: nothing more today. */
	ConnectorException.RateLimited exhausted(String bucket) {
		long limit = SEARCH.equals(bucket) ? DAILY_SEARCHES : DAILY_UNITS;
		Instant day = dayStart();
		long spent = meter.spent(Network.YOUTUBE, APP, bucket, day);
		if (spent < limit) {
			meter.spend(Network.YOUTUBE, APP, bucket, day, limit - spent);
		}
		return new ConnectorException.RateLimited("YouTube says the daily quota is exceeded; it resets at midnight Pacific time",
				Reason.of("connectors.youtube.quota-exceeded"), nextReset());
	}
}
