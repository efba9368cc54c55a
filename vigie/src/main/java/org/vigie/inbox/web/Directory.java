package org.vigie.inbox.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.vigie.workspace.Show;

/** Names and formats the templates need: shows and users by id, times in the workspace's zone. */
public record Directory(Map<String, Show> shows, Map<String, String> users, ZoneId zone, Locale locale) {

	public Directory {
		shows = Map.copyOf(shows);
		users = Map.copyOf(users);
	}

	public String showName(@Nullable String id) {
		Show show = id == null ? null : shows.get(id);
		return show == null ? "—" : show.name();
	}

	public String showColor(@Nullable String id) {
		Show show = id == null ? null : shows.get(id);
		return show == null ? "#545b6b" : show.color();
	}

	public String userName(@Nullable String id) {
		String name = id == null ? null : users.get(id);
		return name == null ? "—" : name;
	}

	/** A short time: the hour today, else day and month, else the full date. */
	public String time(Instant at) {
		var local = at.atZone(zone);
		var now = Instant.now().atZone(zone);
		String pattern = local.toLocalDate().equals(now.toLocalDate()) ? "HH:mm"
				: local.getYear() == now.getYear() ? "d MMM HH:mm" : "d MMM yyyy";
		return DateTimeFormatter.ofPattern(pattern, locale).format(local);
	}

	/** The full time, for a tooltip. */
	public String fullTime(Instant at) {
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm:ss z", locale).format(at.atZone(zone));
	}

	/** For {@code <input type="datetime-local">}. */
	public String inputTime(@Nullable Instant at) {
		return at == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(at.atZone(zone));
	}
}
