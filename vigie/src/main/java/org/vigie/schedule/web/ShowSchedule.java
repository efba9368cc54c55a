package org.vigie.schedule.web;

import java.util.List;

import org.vigie.schedule.Airing;
import org.vigie.workspace.Show;

/** A show with its programme titles and coming airings, as the schedule page shows it. */
public record ShowSchedule(Show show, List<String> titles, List<Airing> next) {

	public ShowSchedule {
		titles = List.copyOf(titles);
		next = List.copyOf(next);
	}
}
