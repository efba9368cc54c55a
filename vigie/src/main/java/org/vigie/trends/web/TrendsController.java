package org.vigie.trends.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.schedule.Schedules;
import org.vigie.shared.Ids;
import org.vigie.trends.AlertRule;
import org.vigie.trends.Alerts;
import org.vigie.trends.LiveAlerts;
import org.vigie.trends.Trend;
import org.vigie.trends.TrendViews;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;

/**
 * The trends page: per show a timeline (volume, negative share, unique authors) with airings
 * shaded and events marked, the terms driving what goes on now, every detected event with its
 * explanation and a link to the inbox filtered on it, "useful / noise" feedback, live alerts and
 * the show's alert settings.
 */
@Controller
class TrendsController {

	private final TrendViews views;

	private final Alerts alerts;

	private final LiveAlerts live;

	private final Shows shows;

	private final Schedules schedules;

	private final Access access;

	private final Clock clock;

	TrendsController(TrendViews views, Alerts alerts, LiveAlerts live, Shows shows, Schedules schedules, Access access,
			Clock clock) {
		this.views = views;
		this.alerts = alerts;
		this.live = live;
		this.shows = shows;
		this.schedules = schedules;
		this.access = access;
		this.clock = clock;
	}

	static Duration period(String period) {
		return switch (period) {
			case "week" -> Duration.ofDays(7);
			case "month" -> Duration.ofDays(30);
			default -> Duration.ofDays(1);
		};
	}

	private Show show(Actor actor, String slugOrId) {
		List<Show> visible = shows.visibleTo(actor);
		return visible.stream()
			.filter(s -> s.slug().equals(slugOrId) || s.id().toString().equals(slugOrId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("No such show"));
	}

	/** The series of a show the actor may look at: the show's own first. */
	private List<TrendViews.SeriesChoice> seriesOf(Actor actor, Show show) {
		return views.seriesOf(show, actor.role().seesAllShows());
	}

	private static TrendViews.SeriesChoice choose(List<TrendViews.SeriesChoice> choices,
			@Nullable String series) {
		if (series == null || series.isBlank()) {
			return choices.get(0);
		}
		return choices.stream().filter(c -> c.key().equals(series)).findFirst()
			.orElseThrow(() -> new NotFoundException("No such series"));
	}

	@GetMapping("/trends")
	String page(@RequestParam(required = false) String show, @RequestParam(defaultValue = "day") String period,
			@RequestParam(required = false) String series, Model model) {
		Actor actor = access.current();
		List<Show> visible = shows.visibleTo(actor);
		model.addAttribute("shows", visible);
		model.addAttribute("period", List.of("day", "week", "month").contains(period) ? period : "day");
		if (visible.isEmpty()) {
			model.addAttribute("show", null);
			return "trends/page";
		}
		Show selected = show == null ? visible.get(0) : show(actor, show);
		Instant now = clock.instant();
		Instant from = now.minus(period(period));
		List<TrendViews.SeriesChoice> choices = seriesOf(actor, selected);
		TrendViews.SeriesChoice chosen = choose(choices, series);
		List<Trend> trends = views.trendsOf(chosen.key(), from, now.plus(Duration.ofMinutes(1)));
		// What the show's queries, accounts (and networks) did meanwhile, beside the series shown.
		Map<String, TrendViews.SeriesChoice> others = new LinkedHashMap<>();
		choices.stream().filter(c -> !c.key().equals(chosen.key())).forEach(c -> others.put(c.key(), c));
		List<Trend> otherTrends = new ArrayList<>();
		for (TrendViews.SeriesChoice c : others.values()) {
			otherTrends.addAll(views.trendsOf(c.key(), from, now.plus(Duration.ofMinutes(1))));
		}
		otherTrends.sort(Comparator.comparing(Trend::startedAt).reversed());
		model.addAttribute("show", selected);
		model.addAttribute("choices", choices);
		model.addAttribute("series", chosen);
		model.addAttribute("others", others);
		model.addAttribute("otherTrends", otherTrends.size() > 50 ? otherTrends.subList(0, 50) : otherTrends);
		model.addAttribute("trends", trends);
		model.addAttribute("emerging", views.emerging(selected.id()));
		model.addAttribute("rule", alerts.rule(selected.id().toString()));
		model.addAttribute("airings", schedules.airings(selected.id(), from, now.plus(Duration.ofDays(2))));
		model.addAttribute("feedback", Stream.concat(trends.stream(), otherTrends.stream())
			.collect(Collectors.toMap(Trend::id, t -> views.feedbackCounts(t.id()), (a, b) -> a)));
		return "trends/page";
	}

	@GetMapping(path = "/trends/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> timeline(@RequestParam String show, @RequestParam(defaultValue = "day") String period,
			@RequestParam(required = false) String series) {
		Actor actor = access.current();
		Show selected = show(actor, show);
		TrendViews.SeriesChoice chosen = choose(seriesOf(actor, selected), series);
		Instant now = clock.instant();
		return views.timeline(chosen.key(), selected.id(), now.minus(period(period)), now.plus(Duration.ofMinutes(1)));
	}

	@GetMapping(path = "/trends/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream() {
		Actor actor = access.current();
		Set<String> visible = shows.visibleTo(actor).stream().map(s -> s.id().toString()).collect(Collectors.toSet());
		return live.open(Ids.next().toString(), visible, false, LocaleContextHolder.getLocale());
	}

	@PostMapping("/trends/{id}/feedback")
	String feedback(@PathVariable String id, @RequestParam String verdict, Model model) {
		Actor actor = access.current();
		Trend trend = views.trend(id).orElseThrow(() -> new NotFoundException("No such trend"));
		if (trend.show() != null) {
			actor.requireShow(org.vigie.shared.ShowId.of(trend.show()));
		}
		views.feedback(id, actor.id(), verdict);
		model.addAttribute("verdict", verdict);
		return "trends/feedback";
	}

	@PostMapping("/trends/rules/{show}")
	String saveRule(@PathVariable String show, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam double threshold, @RequestParam int cooldown, @RequestParam(defaultValue = "") String quietStart,
			@RequestParam(defaultValue = "") String quietEnd, @RequestParam(defaultValue = "") String emails,
			@RequestParam(defaultValue = "") String webhook, @RequestParam(defaultValue = "fr") String webhookLanguage,
			RedirectAttributes flash) {
		Actor actor = access.current();
		actor.requireWrite();
		Show selected = show(actor, show);
		try {
			List<String> addresses = Arrays.stream(emails.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
				.toList();
			alerts.save(new AlertRule(selected.id().toString(), enabled, threshold, Duration.ofMinutes(cooldown),
					time(quietStart), time(quietEnd), addresses, webhook.isBlank() ? null : webhook.trim(), webhookLanguage));
			flash.addFlashAttribute("notice", "trends.rule.saved");
		}
		catch (java.time.format.DateTimeParseException e) {
			flash.addFlashAttribute("error", "trends.rule.quiet-invalid");
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", Optional.ofNullable(e.getMessage()).filter(m -> m.startsWith("trends."))
				.orElse("trends.rule.quiet-invalid"));
		}
		return "redirect:/trends?show=" + selected.slug();
	}

	private static @Nullable LocalTime time(String text) {
		return text.isBlank() ? null : LocalTime.parse(text.trim());
	}
}
