package org.vigie.workspace.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.Team;
import org.vigie.workspace.User;

/** Where an invited user chooses their password, through the one-time link an admin gave them. */
@Controller
class InviteController {

	private final Team team;

	InviteController(Team team) {
		this.team = team;
	}

	@GetMapping("/invite/{secret}")
	String form(@PathVariable String secret, Model model) {
		User user = team.invited(secret).orElseThrow(() -> new NotFoundException("invite.invalid"));
		model.addAttribute("secret", secret);
		model.addAttribute("email", user.email());
		model.addAttribute("error", "");
		return "workspace/invite";
	}

	@PostMapping("/invite/{secret}")
	String accept(@PathVariable String secret, @RequestParam String password, @RequestParam String confirm, Model model) {
		User user = team.invited(secret).orElseThrow(() -> new NotFoundException("invite.invalid"));
		try {
			if (!password.equals(confirm)) {
				throw new IllegalArgumentException("password.mismatch");
			}
			team.acceptInvitation(secret, password);
			return "redirect:/login?ready";
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("secret", secret);
			model.addAttribute("email", user.email());
			model.addAttribute("error", e.getMessage());
			return "workspace/invite";
		}
	}
}
