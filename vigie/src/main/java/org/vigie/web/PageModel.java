package org.vigie.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What every page template receives as {@code page}: who is signed in, the navigation, the
 * language, the CSRF token for forms and htmx, and the translations.
 */
public record PageModel(@Nullable Viewer viewer, List<NavEntry> nav, String path, String lang,
		@Nullable String csrfParameter, @Nullable String csrfHeader, @Nullable String csrfToken, Messages messages) {

	public PageModel {
		nav = List.copyOf(nav);
	}

	/** Translates {@code key}. */
	public String t(String key, Object... args) {
		return messages.t(key, args);
	}

	/** True if {@code entry} is the section of the current page. */
	public boolean active(NavEntry entry) {
		return path.equals(entry.path()) || path.startsWith(entry.path() + "/");
	}

	public boolean signedIn() {
		return viewer != null;
	}

	public boolean canWrite() {
		return viewer != null && viewer.canWrite();
	}

	public boolean admin() {
		return viewer != null && viewer.admin();
	}

	public boolean manager() {
		return viewer != null && viewer.manager();
	}

	/** The other language, offered by the switch. */
	public String otherLang() {
		return "fr".equals(lang) ? "en" : "fr";
	}
}
