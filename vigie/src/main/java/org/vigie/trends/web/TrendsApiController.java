package org.vigie.trends.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.trends.Trend;
import org.vigie.trends.TrendLinks;
import org.vigie.trends.TrendViews;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;

/**
 * Detected trends over the REST API, with the same permissions as the trends page: the shows the
 * caller sees, and the network-wide series only for those who see every show.
 */
@RestController
@Tag(name = "Trends")
class TrendsApiController {

	private static final int MAX = 500;

	private final Access access;

	private final Shows shows;

	private final TrendViews views;

	private final Clock clock;

	TrendsApiController(Access access, Shows shows, TrendViews views, Clock clock) {
		this.access = access;
		this.shows = shows;
		this.views = views;
		this.clock = clock;
	}

	/** One sample item of a trend; its text and author are untrusted and must be escaped when shown. */
	record SampleView(String item, String author, String text, Instant at) {
	}

	/**
	 * A trend and what explains it. {@code series} is {@code show:<id>}, {@code query:<id>},
	 * {@code account:<id>} or {@code network:<NAME>}; {@code magnitude} is the ratio to the expected
	 * volume, or for a sentiment shift the jump in negative share (0–1).
	 */
	record TrendView(String id, String series, @Nullable String show, String kind, boolean open, Instant startedAt,
			Instant updatedAt, @Nullable Instant endedAt, double peakScore, double observed, double expected,
			double magnitude, boolean inAiring, List<String> terms, List<SampleView> samples,
			@Nullable Instant alertedAt, String link, String inboxLink) {

		static TrendView of(Trend t, @Nullable String slug) {
			return new TrendView(t.id(), t.series().toString(), t.show(), t.kind().name(), t.open(), t.startedAt(),
					t.updatedAt(), t.endedAt(), t.peakScore(), t.observed(), t.expected(), t.magnitude(), t.inAiring(),
					t.terms(), t.samples().stream().map(s -> new SampleView(s.itemId(), s.author(), s.text(), s.at())).toList(),
					t.alertedAt(), TrendLinks.page(slug, t.id()), TrendLinks.inbox(slug, t));
		}
	}

	@GetMapping("/api/v1/trends")
	@Operation(summary = "Detected trends of the shows I see",
			description = "Volume spikes, emerging terms and sentiment shifts, newest first, going on or ended since "
					+ "`since` (default: 7 days ago). Without `show`: every show the caller sees, and the network-wide "
					+ "series if the caller sees every show. A show the caller may not see is a 404.")
	List<TrendView> trends(
			@Parameter(description = "a show's slug or id") @RequestParam(required = false) @Nullable String show,
			@Parameter(description = "ISO-8601 instant, e.g. 2026-11-26T00:00:00Z") @RequestParam(required = false)
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant since,
			@Parameter(description = "at most this many trends (1–500, default 100)")
			@RequestParam(defaultValue = "100") int limit) {
		Actor actor = access.current();
		List<Show> visible = shows.visibleTo(actor);
		boolean networks = actor.role().seesAllShows();
		if (show != null) {
			visible = visible.stream().filter(s -> s.slug().equals(show) || s.id().toString().equals(show)).toList();
			if (visible.isEmpty()) {
				throw new NotFoundException("No such show");
			}
			networks = false;
		}
		Instant from = since != null ? since : clock.instant().minus(Duration.ofDays(7));
		List<Show> scope = visible;
		return views.since(scope.stream().map(Show::id).toList(), networks, from, Math.max(1, Math.min(MAX, limit)))
			.stream()
			.map(t -> TrendView.of(t, scope.stream().filter(s -> s.id().toString().equals(t.show())).map(Show::slug)
				.findFirst().orElse(null)))
			.toList();
	}
}
