package org.vigie.trends;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to a trend on the trends page and to the inbox filtered on it. */
public final class TrendLinks {

	private TrendLinks() {
	}

	/** {@code /trends?show=slug#trend-id}. */
	public static String page(@Nullable String showSlug, String trendId) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath("/trends");
		if (showSlug != null) {
			b.queryParam("show", showSlug);
		}
		return b.fragment("trend-" + trendId).build().encode().toUriString();
	}

	/**
	 * The inbox on the trend: its show, its strongest term, from its start to its end (or an hour
	 * after its last update while it goes on).
	 */
	public static String inbox(@Nullable String showSlug, Trend trend) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath("/inbox");
		if (showSlug != null) {
			b.queryParam("show", showSlug);
		}
		if (!trend.terms().isEmpty() && trend.kind() != TrendKind.SENTIMENT) {
			b.queryParam("q", trend.terms().get(0));
		}
		if (trend.kind() == TrendKind.SENTIMENT) {
			b.queryParam("sentiment", "negative");
		}
		Instant to = trend.endedAt() != null ? trend.endedAt().plus(Duration.ofMinutes(5))
				: trend.updatedAt().plus(Duration.ofHours(1));
		b.queryParam("from", trend.startedAt().toString()).queryParam("to", to.toString()).queryParam("status", "all");
		return b.build().encode().toUriString();
	}
}
