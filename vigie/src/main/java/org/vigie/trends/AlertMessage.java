package org.vigie.trends;

import java.util.Objects;

/**
 * An alert as the channels send it.
 *
 * @param subject one line: show, kind, magnitude
 * @param body a few lines: start, magnitude, driving terms, first sample, link
 * @param link the trends page of the show, on this trend
 * @param inboxLink the inbox filtered on the trend
 */
public record AlertMessage(Trend trend, String showName, String subject, String body, String link, String inboxLink) {

	public AlertMessage {
		Objects.requireNonNull(trend, "trend");
	}
}
