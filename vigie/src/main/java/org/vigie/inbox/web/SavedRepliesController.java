package org.vigie.inbox.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.vigie.inbox.SavedReplies;
import org.vigie.workspace.Access;

/** The list of saved replies, in French and English, and their creation. */
@Controller
class SavedRepliesController {

	private final Access access;

	private final SavedReplies savedReplies;

	SavedRepliesController(Access access, SavedReplies savedReplies) {
		this.access = access;
		this.savedReplies = savedReplies;
	}

	@GetMapping("/inbox/saved-replies")
	String list(Model model) {
		access.current();
		model.addAttribute("replies", savedReplies.all());
		model.addAttribute("variables", SavedReplies.VARIABLES);
		return "inbox/saved-replies";
	}

	@PostMapping("/inbox/saved-replies")
	String create(@RequestParam String name, @RequestParam String lang, @RequestParam String body, RedirectAttributes flash) {
		try {
			savedReplies.create(access.current(), name, lang, body);
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/inbox/saved-replies";
	}

	@PostMapping("/inbox/saved-replies/{id}/delete")
	String delete(@PathVariable String id) {
		savedReplies.delete(access.current(), id);
		return "redirect:/inbox/saved-replies";
	}
}
