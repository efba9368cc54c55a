package org.vigie.trends;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The trends module's settings.
 *
 * @param bucket the step of every series (default 5 minutes)
 * @param lateness how long after a bucket's end late items are still awaited before it is judged
 *        (default 1 minute; ingestion polls networks, so items arrive a little after they are written)
 * @param threshold the detectors' sensitivity in standard deviations (default 4); per-show alert
 *        thresholds are set on the trends page
 * @param cooldown calm needed before an event is over, and the default alert cool-down (default 30 min)
 * @param afterglow how long after an airing fans still talk about it (default 30 min)
 * @param history how much stored history warms the detectors at start (default 14 days)
 * @param backlog how long after start items written before it (the first walk of newly connected
 *        accounts, what was said while Vigie was stopped) are kept and replayed in their own time
 *        rather than counted where they arrive (default 10 min)
 * @param zone the audience's time zone: weekly rhythm and quiet hours (default Europe/Paris)
 * @param mailFrom the sender of alert e-mails (default vigie@localhost)
 * @param publicUrl Vigie's address as users reach it, for links in e-mails and webhooks; empty for
 *        the workspace base URL
 * @param webhookTimeout how long a webhook receiver may take (default 10 s)
 * @param patternNovelty when true (the default), a volume spike also needs a recent shape unlike the
 *        shapes the series has shown ({@link org.vigie.trends.detect.PatternSettings#DEFAULTS}; see
 *        docs/trends.md); false judges by the count score alone
 */
@ConfigurationProperties("vigie.trends")
public record TrendsSettings(@DefaultValue("5m") Duration bucket, @DefaultValue("1m") Duration lateness,
		@DefaultValue("4.0") double threshold, @DefaultValue("30m") Duration cooldown,
		@DefaultValue("30m") Duration afterglow, @DefaultValue("14d") Duration history,
		@DefaultValue("10m") Duration backlog,
		@DefaultValue("Europe/Paris") ZoneId zone, @DefaultValue("vigie@localhost") String mailFrom,
		@DefaultValue("") String publicUrl, @DefaultValue("10s") Duration webhookTimeout,
		@DefaultValue("true") boolean patternNovelty) {

	public TrendsSettings {
		if (bucket.compareTo(Duration.ofSeconds(10)) < 0) {
			throw new IllegalArgumentException("vigie.trends.bucket must be at least 10 s, was " + bucket);
		}
		if (!(threshold > 0)) {
			throw new IllegalArgumentException("vigie.trends.threshold must be positive, was " + threshold);
		}
		if (lateness.isNegative() || cooldown.isNegative() || afterglow.isNegative() || history.isNegative()
				|| backlog.isNegative()) {
			throw new IllegalArgumentException("vigie.trends durations must not be negative");
		}
	}
}
