package org.vigie.schedule.xmltv;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One {@code <programme>} of an XMLTV guide, entities decoded, times in UTC.
 *
 * @param channel the guide's channel id, e.g. {@code TF1.fr}
 * @param stop the end, or null when the guide gives none and no next programme tells it
 * @param title the first title (guides give one per language)
 * @param episode the {@code episode-num} as written, e.g. {@code 2 . 9 . 0/1}
 */
public record Programme(String channel, Instant start, @Nullable Instant stop, String title,
		@Nullable String subTitle, @Nullable String description, List<String> categories, @Nullable String episode,
		@Nullable String icon) {

	public Programme {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(title, "title");
		categories = List.copyOf(categories);
		if (stop != null && stop.isBefore(start)) {
			throw new IllegalArgumentException("A programme stops after it starts: " + title + " " + start);
		}
	}

	Programme withStop(Instant value) {
		return new Programme(channel, start, value, title, subTitle, description, categories, episode, icon);
	}

	/** Identity within a guide: the same channel, start and title is the same programme. */
	String key() {
		return channel + '\n' + start + '\n' + title;
	}
}
