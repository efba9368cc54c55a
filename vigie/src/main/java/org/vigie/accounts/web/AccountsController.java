package org.vigie.accounts.web;

import java.io.Serializable;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.NewAccount;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.AccountAuthorizer;
import org.vigie.connectors.AccountSignIn;
import org.vigie.connectors.AuthorizationRequest;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.FoundAccount;
import org.vigie.shared.AccountId;
import org.vigie.shared.Network;
import org.vigie.shared.Reason;
import org.vigie.shared.ShowId;
import org.vigie.web.Messages;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.AuditLog;
import org.vigie.workspace.FirstRunSetup;
import org.vigie.workspace.Shows;

/**
 * Settings › Accounts (managers and admins): the accounts with their health in words, pause,
 * resume, reconnect, and the connect flows of the networks that have one (OAuth 2.0 with PKCE for
 * X, app registration then OAuth for Mastodon). The authorisation in progress waits in the session.
 */
@Controller
class AccountsController {

	private static final Logger log = LoggerFactory.getLogger(AccountsController.class);

	private static final String PENDING = "vigie.accounts.pending";

	private static final String CHOICES = "vigie.accounts.choices";

	private final Access access;

	private final Accounts accounts;

	private final AccountViews views;

	private final Shows shows;

	private final AuditLog audit;

	private final FirstRunSetup setup;

	private final Map<Network, AccountAuthorizer> authorizers;

	/** The networks connected from a form (Bluesky, RSS), by id: their reconnect button opens the form, filled in. */
	private final List<String> signIns;

	private final MessageSource messages;

	AccountsController(Access access, Accounts accounts, AccountViews views, Shows shows, AuditLog audit,
			FirstRunSetup setup, List<AccountAuthorizer> authorizers, List<AccountSignIn> signIns,
			MessageSource messages) {
		this.messages = messages;
		this.signIns = signIns.stream().map(s -> s.network().id()).sorted().toList();
		this.access = access;
		this.accounts = accounts;
		this.views = views;
		this.shows = shows;
		this.audit = audit;
		this.setup = setup;
		this.authorizers = authorizers.stream()
			.collect(Collectors.toMap(AccountAuthorizer::network, Function.identity(), (a, b) -> a));
	}

	/** A pending authorisation and the show the account will belong to. */
	record Pending(AuthorizationRequest request, String show) implements Serializable {
	}

	/** The accounts an authorisation gave access to, waiting for the person to pick, and the show suggested. */
	record Choices(Network via, List<FoundAccount> found, String show) implements Serializable {
	}

	/**
	 * The page; {@code reconnect} names an account connected from a form, whose form comes filled in
	 * with its handle and server (Bluesky) or its address (RSS), to type a new app password or address.
	 */
	/**
	 * Why connecting failed, for the page's error line: a connector's {@link ConnectorException#reason()
	 * reason} encoded (the template puts it into the reader's words), any other message as it is.
	 */
	static String failure(Exception e) {
		return e instanceof ConnectorException c ? c.reason().encode() : String.valueOf(e.getMessage());
	}

	@GetMapping("/settings/accounts")
	String page(@RequestParam(defaultValue = "") String reconnect, Model model, HttpServletRequest request) {
		Actor actor = access.current();
		actor.requireShowManager();
		List<AccountView> list = views.visibleTo(actor, new Messages(messages, RequestContextUtils.getLocale(request)));
		model.addAttribute("accounts", list);
		model.addAttribute("shows", shows.visibleTo(actor));
		model.addAttribute("networks", authorizers.keySet().stream().sorted().map(Network::id).toList());
		model.addAttribute("signIns", signIns);
		model.addAttribute("xServer", serverOf(list, Network.X));
		model.addAttribute("mastodonServer", serverOf(list, Network.MASTODON));
		Optional<AccountView> again = list.stream().filter(a -> a.id().equals(reconnect)).findFirst();
		boolean bluesky = again.filter(a -> a.network().equals(Network.BLUESKY.id())).isPresent();
		boolean rss = again.filter(a -> a.network().equals(Network.RSS.id())).isPresent();
		model.addAttribute("blueskyHandle", bluesky ? again.get().handle() : "");
		model.addAttribute("blueskyServer", bluesky && again.get().server() != null ? again.get().server() : "");
		model.addAttribute("rssUrl", rss && again.get().server() != null ? again.get().server() : "");
		model.addAttribute("facebookServer", serverOf(list, Network.FACEBOOK));
		model.addAttribute("youtubeServer", serverOf(list, Network.YOUTUBE));
		model.addAttribute("redditServer", serverOf(list, Network.REDDIT));
		return "accounts/accounts";
	}

	/** The server of an existing account of the network, to suggest it (the simulator's in the demo). */
	private static String serverOf(List<AccountView> list, Network network) {
		return list.stream()
			.filter(a -> a.network().equals(network.id()) && a.server() != null)
			.map(AccountView::server)
			.findFirst()
			.orElse("");
	}

	@PostMapping("/settings/accounts/connect/{network}")
	String connect(@PathVariable String network, @RequestParam(defaultValue = "") String show,
			@RequestParam(defaultValue = "") String server, HttpSession session, RedirectAttributes flash, Model model) {
		Actor actor = access.current();
		actor.requireShowManager();
		Optional<AccountAuthorizer> authorizer = Network.fromId(network).map(authorizers::get);
		if (authorizer.isEmpty()) {
			flash.addFlashAttribute("error", "accounts.error.no-flow");
			return "redirect:/settings/accounts";
		}
		if (!show.isBlank()) {
			actor.requireShow(ShowId.of(show));
		}
		String callback = setup.baseUrl() + "/settings/accounts/callback/" + authorizer.get().network().id();
		try {
			AuthorizationRequest request = authorizer.get().start(server.trim(), callback);
			session.setAttribute(PENDING, new Pending(request, show));
			// Not a redirect: the CSP's form-action 'self' forbids a form submission to end on the network's
			// origin; a page that moves on by itself is a new navigation.
			model.addAttribute("network", authorizer.get().network().label());
			model.addAttribute("authorizeUrl", request.authorizeUrl());
			return "accounts/authorize";
		}
		catch (ConnectorException | IllegalArgumentException e) {
			log.info("Could not start connecting a {} account: {}", network, e.getMessage());
			flash.addFlashAttribute("errorText", failure(e));
			return "redirect:/settings/accounts";
		}
	}

	@GetMapping("/settings/accounts/callback/{network}")
	String callback(@PathVariable String network, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String error,
			HttpSession session, RedirectAttributes flash) {
		Actor actor = access.current();
		actor.requireShowManager();
		Object pending = session.getAttribute(PENDING);
		session.removeAttribute(PENDING);
		if (!(pending instanceof Pending p) || !p.request().network().id().equals(network)
				|| !MessageDigest.isEqual(p.request().state().getBytes(), state.getBytes())) {
			flash.addFlashAttribute("error", "accounts.error.state");
			return "redirect:/settings/accounts";
		}
		if (!error.isBlank() || code.isBlank()) {
			flash.addFlashAttribute("error", "accounts.error.denied");
			return "redirect:/settings/accounts";
		}
		AccountAuthorizer authorizer = authorizers.get(p.request().network());
		if (authorizer.picks()) {
			try {
				session.setAttribute(CHOICES, new Choices(authorizer.network(), authorizer.finishAll(p.request(), code), p.show()));
				return "redirect:/settings/accounts/choose";
			}
			catch (ConnectorException e) {
				flash.addFlashAttribute("errorText", failure(e));
				return "redirect:/settings/accounts";
			}
		}
		try {
			ConnectedIdentity identity = authorizer.finish(p.request(), code);
			SocialAccount account = accounts.connect(new NewAccount(p.show().isBlank() ? null : ShowId.of(p.show()),
					p.request().network(), identity.handle(), identity.externalId(), identity.displayName(),
					identity.baseUrl(), identity.secrets(), identity.expiresAt()));
			audit.record(actor.auditActor(), "account.connected", "account", account.id().toString(),
					account.network().id() + " " + account.handle());
			flash.addFlashAttribute("notice", "accounts.connected");
			flash.addFlashAttribute("noticeArg", account.network().label() + " @" + account.handle());
		}
		catch (ConnectorException e) {
			flash.addFlashAttribute("errorText", failure(e));
		}
		return "redirect:/settings/accounts";
	}

	@GetMapping("/settings/accounts/choose")
	String choose(HttpSession session, Model model) {
		Actor actor = access.current();
		actor.requireShowManager();
		if (!(session.getAttribute(CHOICES) instanceof Choices choices)) {
			return "redirect:/settings/accounts";
		}
		model.addAttribute("found", choices.found());
		model.addAttribute("shows", shows.visibleTo(actor));
		model.addAttribute("show", choices.show());
		return "accounts/choose";
	}

	/** Connects the accounts ticked among those the authorisation found, each to the show chosen on its row. */
	@PostMapping("/settings/accounts/choose")
	String chosen(@RequestParam(name = "pick", defaultValue = "") List<Integer> picked,
			@RequestParam Map<String, String> form, HttpSession session, RedirectAttributes flash) {
		Actor actor = access.current();
		actor.requireShowManager();
		Object pending = session.getAttribute(CHOICES);
		session.removeAttribute(CHOICES);
		if (!(pending instanceof Choices choices)) {
			flash.addFlashAttribute("error", "accounts.error.state");
			return "redirect:/settings/accounts";
		}
		List<String> names = new ArrayList<>();
		for (int i : picked) {
			if (i < 0 || i >= choices.found().size()) {
				continue;
			}
			FoundAccount f = choices.found().get(i);
			String show = form.getOrDefault("show-" + i, choices.show());
			if (!show.isBlank()) {
				actor.requireShow(ShowId.of(show));
			}
			ConnectedIdentity identity = f.identity();
			SocialAccount account = accounts.connect(new NewAccount(show.isBlank() ? null : ShowId.of(show), f.network(),
					identity.handle(), identity.externalId(), identity.displayName(), identity.baseUrl(),
					identity.secrets(), identity.expiresAt()));
			audit.record(actor.auditActor(), "account.connected", "account", account.id().toString(),
					account.network().id() + " " + account.handle());
			authorizers.get(choices.via()).connected(f);
			names.add(account.network().label() + " @" + account.handle());
		}
		if (names.isEmpty()) {
			flash.addFlashAttribute("error", "accounts.choose.none");
		}
		else {
			flash.addFlashAttribute("notice", "accounts.choose.connected");
			flash.addFlashAttribute("noticeArg", String.join(", ", names));
		}
		return "redirect:/settings/accounts";
	}

	@PostMapping("/settings/accounts/{id}/pause")
	String pause(@PathVariable String id) {
		Actor actor = checked(id);
		accounts.pause(AccountId.of(id), Reason.of("accounts.reason.paused-by", actor.email()));
		audit.record(actor.auditActor(), "account.paused", "account", id, "");
		return "redirect:/settings/accounts";
	}

	@PostMapping("/settings/accounts/{id}/resume")
	String resume(@PathVariable String id) {
		Actor actor = checked(id);
		accounts.resume(AccountId.of(id));
		audit.record(actor.auditActor(), "account.resumed", "account", id, "");
		return "redirect:/settings/accounts";
	}

	@PostMapping("/settings/accounts/{id}/show")
	String attach(@PathVariable String id, @RequestParam String show) {
		Actor actor = checked(id);
		actor.requireShow(ShowId.of(show));
		accounts.attach(AccountId.of(id), ShowId.of(show));
		audit.record(actor.auditActor(), "account.attached", "account", id, show);
		return "redirect:/settings/accounts";
	}

	@PostMapping("/settings/accounts/{id}/disconnect")
	String disconnect(@PathVariable String id) {
		Actor actor = checked(id);
		accounts.disconnect(AccountId.of(id));
		audit.record(actor.auditActor(), "account.disconnected", "account", id, "");
		return "redirect:/settings/accounts";
	}

	private Actor checked(String id) {
		Actor actor = access.current();
		actor.requireShowManager();
		SocialAccount account = accounts.find(AccountId.of(id))
			.orElseThrow(() -> new NotFoundException("account"));
		if (account.show() != null) {
			actor.requireShow(account.show());
		}
		return actor;
	}
}
