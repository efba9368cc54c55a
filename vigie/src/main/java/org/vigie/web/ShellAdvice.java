package org.vigie.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Gives every server-rendered page its {@link PageModel} as the model attribute {@code page}. */
@ControllerAdvice
class ShellAdvice {

	private final ViewerSource viewers;

	private final MessageSource messages;

	private final List<NavEntry> nav;

	ShellAdvice(ViewerSource viewers, MessageSource messages, List<NavEntry> nav) {
		this.viewers = viewers;
		this.messages = messages;
		this.nav = nav.stream().sorted(Comparator.comparingInt(NavEntry::order)).toList();
	}

	@ModelAttribute("page")
	PageModel page(HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		var viewer = viewers.current().orElse(null);
		return new PageModel(viewer, viewer == null ? List.of() : nav, request.getRequestURI(), locale.getLanguage(),
				csrf == null ? null : csrf.getParameterName(), csrf == null ? null : csrf.getHeaderName(),
				csrf == null ? null : csrf.getToken(), new Messages(messages, locale));
	}
}
