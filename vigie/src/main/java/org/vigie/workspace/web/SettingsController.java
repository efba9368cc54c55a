package org.vigie.workspace.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.shared.ShowId;
import org.vigie.shared.UserId;
import org.vigie.workspace.Access;
import org.vigie.workspace.Actor;
import org.vigie.workspace.ApiTokens;
import org.vigie.workspace.AuditLog;
import org.vigie.workspace.FirstRunSetup;
import org.vigie.workspace.Role;
import org.vigie.workspace.Shows;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

/**
 * Settings: one's own language and API tokens (everyone), the shows (managers and admins), the
 * team (admins: invite, roles, shows, disable) and the audit log (admins).
 */
@Controller
class SettingsController {

	private final Access access;

	private final Team team;

	private final Shows shows;

	private final ApiTokens tokens;

	private final AuditLog audit;

	private final FirstRunSetup setup;

	SettingsController(Access access, Team team, Shows shows, ApiTokens tokens, AuditLog audit, FirstRunSetup setup) {
		this.access = access;
		this.team = team;
		this.shows = shows;
		this.tokens = tokens;
		this.audit = audit;
		this.setup = setup;
	}

	@GetMapping("/settings")
	String profile(Model model) {
		User me = access.currentUser().orElseThrow();
		model.addAttribute("me", me);
		model.addAttribute("tokens", tokens.of(me.id()));
		return "workspace/profile";
	}

	@PostMapping("/settings/profile/lang")
	String language(@RequestParam String lang) {
		team.setLocale(access.current().id(), lang);
		return "redirect:/settings";
	}

	@PostMapping("/settings/profile/tokens")
	String createToken(@RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
		Actor me = access.current();
		flash.addFlashAttribute("newToken", tokens.create(me.id(), me.email(), name).secret());
		return "redirect:/settings";
	}

	@PostMapping("/settings/profile/tokens/{id}/revoke")
	String revokeToken(@PathVariable String id) {
		Actor me = access.current();
		tokens.revoke(me.id(), me.email(), id);
		return "redirect:/settings";
	}

	@GetMapping("/settings/shows")
	String shows(Model model) {
		Actor me = access.current();
		model.addAttribute("shows", shows.visibleTo(me));
		return "workspace/shows";
	}

	@PostMapping("/settings/shows")
	String createShow(@RequestParam String name, RedirectAttributes flash) {
		try {
			shows.create(access.current(), name);
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/settings/shows";
	}

	@PostMapping("/settings/shows/{id}")
	String renameShow(@PathVariable String id, @RequestParam String name, RedirectAttributes flash) {
		try {
			shows.rename(access.current(), ShowId.of(id), name);
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/settings/shows";
	}

	@GetMapping("/settings/users")
	String users(Model model) {
		access.current().requireAdmin();
		model.addAttribute("users", team.all());
		model.addAttribute("shows", shows.all());
		model.addAttribute("roles", List.of(Role.values()));
		return "workspace/users";
	}

	@PostMapping("/settings/users")
	String invite(@RequestParam String email, @RequestParam(defaultValue = "") String name, @RequestParam Role role,
			@RequestParam(name = "show", required = false) List<String> showIds, RedirectAttributes flash) {
		try {
			Team.Invitation invitation = team.invite(access.current(), email, name, role, toShows(showIds));
			flash.addFlashAttribute("inviteLink", setup.baseUrl() + "/invite/" + invitation.secret());
			flash.addFlashAttribute("invited", invitation.user().email());
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/settings/users";
	}

	@PostMapping("/settings/users/{id}")
	String update(@PathVariable String id, @RequestParam Role role,
			@RequestParam(name = "show", required = false) List<String> showIds,
			@RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes flash) {
		Actor me = access.current();
		UserId user = UserId.of(id);
		try {
			User before = team.find(user).orElseThrow(() -> new IllegalArgumentException("user.unknown"));
			if (before.role() != role) {
				team.changeRole(me, user, role);
			}
			if (!before.shows().equals(toShows(showIds))) {
				team.grantShows(me, user, toShows(showIds));
			}
			if (before.active() != enabled && (enabled || before.active())) {
				team.setEnabled(me, user, enabled);
			}
			flash.addFlashAttribute("saved", before.email());
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/settings/users";
	}

	@PostMapping("/settings/users/{id}/reinvite")
	String reinvite(@PathVariable String id, RedirectAttributes flash) {
		Team.Invitation invitation = team.reinvite(access.current(), UserId.of(id));
		flash.addFlashAttribute("inviteLink", setup.baseUrl() + "/invite/" + invitation.secret());
		flash.addFlashAttribute("invited", invitation.user().email());
		return "redirect:/settings/users";
	}

	@GetMapping("/settings/audit")
	String audit(Model model) {
		access.current().requireAdmin();
		model.addAttribute("entries", audit.recent(200));
		return "workspace/audit";
	}

	private static Set<ShowId> toShows(List<String> ids) {
		return ids == null ? Set.of() : ids.stream().map(ShowId::of).collect(Collectors.toSet());
	}
}
