package org.vigie.inbox;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the inbox ({@code vigie.inbox.*}).
 *
 * @param pageSize items per page of the stream and default {@code limit} of the API (default 50)
 * @param maxPageSize the largest {@code limit} the API accepts (default 200)
 * @param presenceTimeout how long someone counts as viewing or answering an item without a sign of life (default 45 s)
 * @param textSearchLimit at most this many free-text matches (or items of the tag or listening query filtered on) are
 *        examined for one page, newest first (default 5000):
 *        when the other filters leave too few of them, the page ends early with a cursor that goes on
 * @param zone the time zone times are shown in (default Europe/Paris)
 */
@ConfigurationProperties("vigie.inbox")
public record InboxSettings(@DefaultValue("50") int pageSize, @DefaultValue("200") int maxPageSize,
		@DefaultValue("45s") Duration presenceTimeout, @DefaultValue("5000") int textSearchLimit,
		@DefaultValue("Europe/Paris") ZoneId zone) {

	public InboxSettings {
		if (pageSize < 1 || pageSize > maxPageSize) {
			throw new IllegalArgumentException("vigie.inbox.page-size must be between 1 and max-page-size, was " + pageSize);
		}
		if (presenceTimeout.isNegative() || presenceTimeout.isZero()) {
			throw new IllegalArgumentException("vigie.inbox.presence-timeout must be positive");
		}
		if (textSearchLimit < 1) {
			throw new IllegalArgumentException("vigie.inbox.text-search-limit must be positive");
		}
	}

	/** The defaults, for tools and benchmarks that run without Spring. */
	public static InboxSettings defaults() {
		return new InboxSettings(50, 200, Duration.ofSeconds(45), 5000, ZoneId.of("Europe/Paris"));
	}
}
