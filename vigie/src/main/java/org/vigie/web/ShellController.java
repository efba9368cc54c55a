package org.vigie.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.LocaleResolver;

/** The login page, the landing redirect and the language switch for people not signed in. */
@Controller
class ShellController {

	private final List<NavEntry> nav;

	private final LocaleResolver locales;

	ShellController(List<NavEntry> nav, LocaleResolver locales) {
		this.nav = nav;
		this.locales = locales;
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		String notice = null;
		boolean error = false;
		if (request.getParameter("error") != null) {
			notice = "login.error";
			error = true;
		}
		else if (request.getParameter("locked") != null) {
			notice = "login.locked";
			error = true;
		}
		else if (request.getParameter("logout") != null) {
			notice = "login.logout";
		}
		else if (request.getParameter("ready") != null) {
			notice = "login.ready";
		}
		model.addAttribute("notice", notice);
		model.addAttribute("noticeIsError", error);
		return "shell/login";
	}

	/** Lands on the first section of the navigation (the inbox once it exists). */
	@GetMapping("/")
	String home() {
		return nav.stream().filter(n -> n.order() < 90).min(Comparator.comparingInt(NavEntry::order))
			.map(n -> "redirect:" + n.path())
			.orElse("redirect:/settings");
	}

	/** Sets the language of an anonymous visitor (the login page's switch) and goes back. */
	@GetMapping("/lang/{lang}")
	String language(@PathVariable String lang, HttpServletRequest request, HttpServletResponse response,
			@RequestHeader(name = "Referer", required = false) String referer) {
		if (lang.equals("fr") || lang.equals("en")) {
			locales.setLocale(request, response, Locale.forLanguageTag(lang));
		}
		return "redirect:/login";
	}
}
