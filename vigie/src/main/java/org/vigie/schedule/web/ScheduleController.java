package org.vigie.schedule.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.schedule.Airing;
import org.vigie.schedule.ImportReport;
import org.vigie.schedule.Schedules;
import org.vigie.shared.ShowId;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Show;
import org.vigie.workspace.Shows;

/** The schedule page: import guides (file or URL), link shows to programme titles, see airings. */
@Controller
class ScheduleController {

	private final Schedules schedules;

	private final Shows shows;

	private final Access access;

	private final Clock clock;

	ScheduleController(Schedules schedules, Shows shows, Access access, Clock clock) {
		this.schedules = schedules;
		this.shows = shows;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/schedule")
	String page(Model model) {
		Actor actor = access.current();
		Instant now = clock.instant();
		Map<String, ShowSchedule> rows = new LinkedHashMap<>();
		for (Show show : shows.visibleTo(actor)) {
			List<Airing> next = schedules.airings(show.id(), now, now.plus(Duration.ofDays(14)));
			rows.put(show.id().toString(),
					new ShowSchedule(show, schedules.titles(show.id()), next.subList(0, Math.min(8, next.size()))));
		}
		model.addAttribute("sources", schedules.sources());
		model.addAttribute("shows", List.copyOf(rows.values()));
		model.addAttribute("titles", schedules.knownTitles(2000));
		return "schedule/page";
	}

	@PostMapping("/schedule/upload")
	String upload(@RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
		try (InputStream in = file.getInputStream()) {
			ImportReport report = schedules.importGuide(access.current(), String.valueOf(file.getOriginalFilename()), in);
			flash.addFlashAttribute("report", report);
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", "schedule.unreadable");
		}
		return "redirect:/schedule";
	}

	@PostMapping("/schedule/sources")
	String addUrl(@RequestParam String url, RedirectAttributes flash) {
		try {
			flash.addFlashAttribute("report", schedules.addUrl(access.current(), url));
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", e.getMessage() != null && e.getMessage().startsWith("schedule.")
					? e.getMessage() : "schedule.url-invalid");
		}
		return "redirect:/schedule";
	}

	@PostMapping("/schedule/shows/{show}/titles")
	String link(@PathVariable String show, @RequestParam String title, RedirectAttributes flash) {
		try {
			schedules.link(access.current(), ShowId.of(show), title);
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", "schedule.title-required");
		}
		return "redirect:/schedule";
	}

	@PostMapping("/schedule/shows/{show}/titles/remove")
	String unlink(@PathVariable String show, @RequestParam String title) {
		schedules.unlink(access.current(), ShowId.of(show), title);
		return "redirect:/schedule";
	}
}
