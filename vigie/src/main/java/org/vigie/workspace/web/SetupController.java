package org.vigie.workspace.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.vigie.web.NotFoundException;
import org.vigie.workspace.FirstRunSetup;
import org.vigie.workspace.Team;

/**
 * The first-run page where the first admin chooses a password, reachable only with the one-time
 * secret Vigie logged at start, and only while no user exists.
 */
@Controller
class SetupController {

	private final FirstRunSetup setup;

	private final Team team;

	SetupController(FirstRunSetup setup, Team team) {
		this.setup = setup;
		this.team = team;
	}

	@GetMapping("/setup")
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		if (!setup.accepts(token)) {
			throw new NotFoundException("setup.closed");
		}
		model.addAttribute("token", token);
		model.addAttribute("error", "");
		model.addAttribute("email", "");
		model.addAttribute("name", "");
		return "workspace/setup";
	}

	@PostMapping("/setup")
	String create(@RequestParam String token, @RequestParam String email, @RequestParam(defaultValue = "") String name,
			@RequestParam String password, @RequestParam String confirm, Model model) {
		if (!setup.accepts(token)) {
			throw new NotFoundException("setup.closed");
		}
		try {
			if (!password.equals(confirm)) {
				throw new IllegalArgumentException("password.mismatch");
			}
			team.createFirstAdmin(email, name, password);
			setup.close();
			return "redirect:/login?ready";
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("token", token);
			model.addAttribute("error", e.getMessage());
			model.addAttribute("email", email);
			model.addAttribute("name", name);
			return "workspace/setup";
		}
	}
}
