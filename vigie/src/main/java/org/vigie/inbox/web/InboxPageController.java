package org.vigie.inbox.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vigie.accounts.Accounts;
import org.vigie.inbox.InboxFilter;
import org.vigie.inbox.InboxQuery;
import org.vigie.inbox.InboxSettings;
import org.vigie.inbox.InboxStream;
import org.vigie.inbox.ItemPage;
import org.vigie.inbox.ItemStatus;
import org.vigie.inbox.Presence;
import org.vigie.inbox.SavedViews;
import org.vigie.inbox.Visibility;
import org.vigie.shared.Ids;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.web.NavEntry;
import org.vigie.web.NotFoundException;
import org.vigie.web.PersonalRequests;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.Shows;
import org.vigie.workspace.User;

/**
 * The inbox page: the filters (kept in the URL), the stream with infinite scroll, saved views, the
 * live stream of events (new items, presence) and presence reports from the browser.
 */
@Controller
class InboxPageController {

	private static final Set<String> NOT_FILTERS = Set.of("item", "cursor", "tab");

	private final Access access;

	private final InboxQuery query;

	private final Views views;

	private final SavedViews savedViews;

	private final InboxStream stream;

	private final Presence presence;

	private final Shows shows;

	private final Accounts accounts;

	private final InboxSettings settings;

	InboxPageController(Access access, InboxQuery query, Views views, SavedViews savedViews, InboxStream stream,
			Presence presence, Shows shows, Accounts accounts, InboxSettings settings) {
		this.access = access;
		this.query = query;
		this.views = views;
		this.savedViews = savedViews;
		this.stream = stream;
		this.presence = presence;
		this.shows = shows;
		this.accounts = accounts;
		this.settings = settings;
	}

	/** Saving one's own views and saying where one is looking change nothing shared: analysts may too. */
	@Bean
	static PersonalRequests inboxPersonalRequests() {
		return new PersonalRequests(List.of("/inbox/presence", "/inbox/views", "/inbox/views/*/delete"));
	}

	@Bean
	static NavEntry inboxNav() {
		return new NavEntry("/inbox", "nav.inbox", 10, "i");
	}

	@GetMapping("/inbox")
	String inbox(@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) String item,
			Model model, Locale locale, HttpServletRequest request) {
		Actor actor = access.current();
		InboxFilter filter = views.filter(filters(params), Set.of(ItemStatus.OPEN));
		ItemPage page = query.page(Visibility.of(actor), views.resolveMe(filter, actor), true, null, settings.pageSize());
		Directory directory = views.directory(locale);
		model.addAttribute("filter", filter);
		model.addAttribute("items", page);
		model.addAttribute("dir", directory);
		if ("true".equals(request.getHeader("HX-Request")) && "stream".equals(request.getHeader("HX-Target"))) {
			String tab = request.getParameter("tab");
			if (tab != null) {
				stream.seen(tab);
			}
			return "inbox/stream";
		}
		model.addAttribute("tab", Ids.next().toString());
		model.addAttribute("shows", shows.visibleTo(actor));
		model.addAttribute("accounts", accounts.visibleTo(actor));
		model.addAttribute("users", views.directory(locale).users().entrySet().stream()
			.sorted(Map.Entry.comparingByValue()).toList());
		model.addAttribute("networks", List.of(Network.values()));
		model.addAttribute("kinds", List.of(ItemKind.values()));
		model.addAttribute("views", savedViews.of(actor));
		model.addAttribute("queries", query.listeningQueries(Visibility.of(actor)));
		model.addAttribute("conversation", item == null ? null : views.conversation(actor, item, null));
		return "inbox/inbox";
	}

	/** The next page of the stream, for infinite scroll. */
	@GetMapping("/inbox/page")
	String next(@RequestParam MultiValueMap<String, String> params, @RequestParam String cursor, Model model,
			Locale locale) {
		Actor actor = access.current();
		InboxFilter filter = views.filter(filters(params), Set.of(ItemStatus.OPEN));
		model.addAttribute("filter", filter);
		model.addAttribute("items", query.page(Visibility.of(actor), views.resolveMe(filter, actor), true, cursor, settings.pageSize()));
		model.addAttribute("dir", views.directory(locale));
		return "inbox/rows";
	}

	@GetMapping(path = "/inbox/stream", produces = "text/event-stream")
	SseEmitter events(@RequestParam String tab, Locale locale) {
		Actor actor = access.current();
		if (!tab.matches("[0-9a-f-]{36}")) {
			throw new IllegalArgumentException("Bad tab id");
		}
		return stream.open(tab, actor.id().toString(), Visibility.of(actor), locale);
	}

	/**
	 * The browser reports which item a tab shows, and whether its user is typing a reply. Every
	 * signed-in user may report (analysts look at items too); it changes nothing stored.
	 */
	@PostMapping("/inbox/presence")
	ResponseEntity<Void> presence(@RequestParam String tab, @RequestParam(required = false) String item,
			@RequestParam(defaultValue = "viewing") String state) {
		Actor actor = access.current();
		User me = access.currentUser().orElseThrow();
		if (!tab.matches("[0-9a-f-]{36}")) {
			throw new IllegalArgumentException("Bad tab id");
		}
		String visible = item == null || item.isBlank() ? null
				: query.find(Visibility.of(actor), item).map(i -> i.id()).orElseThrow(() -> new NotFoundException("inbox.item-unknown"));
		// An analyst cannot answer, so never shows as answering.
		Presence.State s = "replying".equals(state) && actor.role().canWrite() ? Presence.State.REPLYING : Presence.State.VIEWING;
		stream.presenceChanged(presence.update(tab, actor.id().toString(), me.displayName(), visible, s));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/inbox/views")
	String saveView(@RequestParam MultiValueMap<String, String> params, @RequestParam String name) {
		Actor actor = access.current();
		MultiValueMap<String, String> only = filters(params);
		only.remove("name");
		InboxFilter filter = views.filter(only, Set.of(ItemStatus.OPEN));
		savedViews.save(actor, name, filter);
		return "redirect:/inbox?" + filter.toQueryString();
	}

	@PostMapping("/inbox/views/{id}/delete")
	String deleteView(@PathVariable String id) {
		savedViews.delete(access.current(), id);
		return "redirect:/inbox";
	}

	private static MultiValueMap<String, String> filters(MultiValueMap<String, String> params) {
		MultiValueMap<String, String> out = new LinkedMultiValueMap<>(params);
		NOT_FILTERS.forEach(out::remove);
		out.remove("_csrf");
		return out;
	}
}
