package org.vigie.listen.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.archive.Archive;
import org.vigie.archive.ArchivePreview;
import org.vigie.archive.QuerySyntaxException;
import org.vigie.archive.SearchQuery;
import org.vigie.listen.ItemSnippets;
import org.vigie.listen.ListeningQueries;
import org.vigie.listen.ListeningQuery;
import org.vigie.listen.NetworkSearches;
import org.vigie.listen.QueryDraft;
import org.vigie.listen.QueryId;
import org.vigie.shared.ShowId;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Shows;

/**
 * The listening page: the queries of the shows one sees with their share of voice, a form to
 * write a query with a live preview against the archive, and one page per query (volume,
 * sentiment, top authors and hashtags, network searches, matches, backfill).
 */
@Controller
class ListeningController {

	static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	private final Access access;

	private final ListeningQueries queries;

	private final NetworkSearches searches;

	private final Archive archive;

	private final ItemSnippets snippets;

	private final Shows shows;

	private final Clock clock;

	ListeningController(Access access, ListeningQueries queries, NetworkSearches searches, Archive archive,
			ItemSnippets snippets, Shows shows, Clock clock) {
		this.access = access;
		this.queries = queries;
		this.searches = searches;
		this.archive = archive;
		this.snippets = snippets;
		this.shows = shows;
		this.clock = clock;
	}

	@GetMapping("/listening")
	String list(Model model) {
		Actor actor = access.current();
		List<ListeningQuery> visible = queries.visibleTo(actor);
		model.addAttribute("queries", visible);
		model.addAttribute("shows", shows.visibleTo(actor));
		model.addAttribute("share", queries.shareOfVoice(actor, 30));
		model.addAttribute("counts", visible.stream().collect(java.util.stream.Collectors.toMap(q -> q.id().toString(),
				q -> queries.matchCount(q.id()))));
		return "listen/list";
	}

	/** The htmx preview while a query is typed: parse errors, archive counts, samples, network searches. */
	@GetMapping("/listening/preview")
	String preview(@RequestParam(name = "query", defaultValue = "") String text, Model model) {
		access.current();
		model.addAttribute("preview", preview(text));
		return "listen/preview";
	}

	@PostMapping("/listening")
	String create(@RequestParam String show, @RequestParam String name, @RequestParam String query,
			@RequestParam(defaultValue = "0") int backfillDays, Model model, RedirectAttributes flash) {
		Actor actor = access.current();
		try {
			ListeningQuery q = queries.create(actor, new QueryDraft(ShowId.of(show), name, query, true, null));
			if (backfillDays > 0) {
				flash.addFlashAttribute("backfilled", queries.backfill(actor, q.id(), daysAgo(backfillDays)));
			}
			return "redirect:/listening/" + q.id();
		}
		catch (QuerySyntaxException e) {
			model.addAttribute("error", "listen.invalid");
			model.addAttribute("draftName", name);
			model.addAttribute("draftQuery", query);
			model.addAttribute("preview", preview(query));
			return list(model);
		}
	}

	@GetMapping("/listening/{id}")
	String detail(@PathVariable String id, @RequestParam(defaultValue = "30") int days, Model model) {
		Actor actor = access.current();
		ListeningQuery q = queries.get(actor, QueryId.of(id));
		int period = Math.min(Math.max(days, 1), 365);
		model.addAttribute("query", q);
		model.addAttribute("days", period);
		model.addAttribute("shows", shows.visibleTo(actor));
		model.addAttribute("stats", queries.stats(actor, q.id(), period, ZONE));
		model.addAttribute("searches", searches.translate(q.text()));
		model.addAttribute("matchCount", queries.matchCount(q.id()));
		model.addAttribute("matches", snippets.of(queries.matches(actor, q.id(), 0, 20).stream()
			.map(ListeningQueries.Match::item).toList()));
		model.addAttribute("showNames", shows.all().stream().collect(java.util.stream.Collectors.toMap(
				s -> s.id().toString(), s -> s.name())));
		return "listen/detail";
	}

	@PostMapping("/listening/{id}")
	String update(@PathVariable String id, @RequestParam String show, @RequestParam String name,
			@RequestParam String query, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(required = false) @Nullable String appliesFrom, RedirectAttributes flash) {
		Actor actor = access.current();
		try {
			Instant from = appliesFrom == null || appliesFrom.isBlank() ? null
					: java.time.LocalDate.parse(appliesFrom).atStartOfDay(ZONE).toInstant();
			queries.update(actor, QueryId.of(id), new QueryDraft(ShowId.of(show), name, query, enabled, from));
			flash.addFlashAttribute("saved", true);
		}
		catch (QuerySyntaxException e) {
			flash.addFlashAttribute("syntaxError", e.getMessage());
		}
		return "redirect:/listening/" + id;
	}

	@PostMapping("/listening/{id}/backfill")
	String backfill(@PathVariable String id, @RequestParam(defaultValue = "30") int days, RedirectAttributes flash) {
		flash.addFlashAttribute("backfilled",
				queries.backfill(access.current(), QueryId.of(id), daysAgo(Math.min(Math.max(days, 1), 365))));
		return "redirect:/listening/" + id;
	}

	@PostMapping("/listening/{id}/delete")
	String delete(@PathVariable String id) {
		queries.delete(access.current(), QueryId.of(id));
		return "redirect:/listening";
	}

	private Preview preview(String text) {
		if (text.isBlank()) {
			return new Preview(text, null, 0, "", "", 0, 0, List.of(), List.of(), 0);
		}
		long started = System.nanoTime();
		try {
			SearchQuery query = queries.validate(text);
			ArchivePreview found = archive.preview(query, 5);
			var samples = snippets.of(found.newest());
			long millis = (System.nanoTime() - started) / 1_000_000;
			return new Preview(text, null, 0, "", "", found.last7(), found.last30(), samples, searches.translate(text),
					millis);
		}
		catch (QuerySyntaxException e) {
			return new Preview(text, e.code(), e.position(), e.detail(), e.getMessage(), 0, 0, List.of(), List.of(), 0);
		}
	}

	private Instant daysAgo(int days) {
		return clock.instant().minusSeconds(86_400L * days);
	}

}
