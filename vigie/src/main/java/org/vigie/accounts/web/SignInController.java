package org.vigie.accounts.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.accounts.Accounts;
import org.vigie.accounts.NewAccount;
import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.AccountSignIn;
import org.vigie.connectors.ConnectedIdentity;
import org.vigie.connectors.ConnectorException;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.AuditLog;

/**
 * Settings › Accounts, the networks connected from a form ({@link AccountSignIn}): Bluesky with a
 * handle and an app password, RSS/Atom feeds by address. What was typed is checked against the
 * network before anything is stored; a refusal comes back in words. Connecting an account that
 * exists again (a new app password for a paused Bluesky account) updates and resumes it.
 */
@Controller
class SignInController {

	private static final Logger log = LoggerFactory.getLogger(SignInController.class);

	private final Access access;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Map<Network, AccountSignIn> signIns;

	SignInController(Access access, Accounts accounts, AuditLog audit, List<AccountSignIn> signIns) {
		this.access = access;
		this.accounts = accounts;
		this.audit = audit;
		this.signIns = signIns.stream()
			.collect(Collectors.toMap(AccountSignIn::network, Function.identity(), (a, b) -> a));
	}

	@PostMapping("/settings/accounts/sign-in/{network}")
	String signIn(@PathVariable String network, @RequestParam(defaultValue = "") String show,
			@RequestParam(defaultValue = "") String server, @RequestParam(defaultValue = "") String identifier,
			@RequestParam(defaultValue = "") String secret, RedirectAttributes flash) {
		Actor actor = access.current();
		actor.requireShowManager();
		Optional<AccountSignIn> signIn = Network.fromId(network).map(signIns::get);
		if (signIn.isEmpty()) {
			flash.addFlashAttribute("error", "accounts.error.no-flow");
			return "redirect:/settings/accounts";
		}
		if (!show.isBlank()) {
			actor.requireShow(ShowId.of(show));
		}
		try {
			ConnectedIdentity identity = signIn.get().signIn(server.trim(), identifier.trim(), secret.trim());
			SocialAccount account = accounts.connect(new NewAccount(show.isBlank() ? null : ShowId.of(show),
					signIn.get().network(), identity.handle(), identity.externalId(), identity.displayName(),
					identity.baseUrl(), identity.secrets(), identity.expiresAt()));
			audit.record(actor.auditActor(), "account.connected", "account", account.id().toString(),
					account.network().id() + " " + account.handle());
			flash.addFlashAttribute("notice", "accounts.connected");
			flash.addFlashAttribute("noticeArg", account.network().label() + " " + account.handle());
		}
		catch (ConnectorException | IllegalArgumentException e) {
			log.info("Could not connect a {} account: {}", network, e.getMessage());
			flash.addFlashAttribute("errorText", AccountsController.failure(e));
		}
		return "redirect:/settings/accounts";
	}
}
