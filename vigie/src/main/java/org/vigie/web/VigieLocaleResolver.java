package org.vigie.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * French unless told otherwise: a signed-in user's saved choice wins, then the {@code vigie_lang}
 * cookie (set by the switch on the login page), then French.
 */
class VigieLocaleResolver implements LocaleResolver {

	static final String COOKIE = "vigie_lang";

	private final ViewerSource viewers;

	VigieLocaleResolver(ViewerSource viewers) {
		this.viewers = viewers;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		var viewer = viewers.current();
		if (viewer.isPresent()) {
			return Locale.forLanguageTag(viewer.get().locale());
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName()) && ("en".equals(cookie.getValue()) || "fr".equals(cookie.getValue()))) {
					return Locale.forLanguageTag(cookie.getValue());
				}
			}
		}
		return Locale.FRENCH;
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		if (response != null) {
			Cookie cookie = new Cookie(COOKIE, locale == null ? "fr" : locale.getLanguage());
			cookie.setPath("/");
			cookie.setHttpOnly(true);
			cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
			cookie.setAttribute("SameSite", "Lax");
			response.addCookie(cookie);
		}
	}
}
