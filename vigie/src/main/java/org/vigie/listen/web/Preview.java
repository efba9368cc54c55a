package org.vigie.listen.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.vigie.listen.ItemSnippets;
import org.vigie.listen.NetworkSearches;

/**
 * What the preview shows under a query being typed.
 *
 * @param errorCode the syntax problem's code ({@code listen.syntax.<code>}), null when the query parses
 * @param errorPosition where it is
 * @param errorDetail what it is about
 * @param millis how long the archive took to answer
 */
public record Preview(String query, @Nullable String errorCode, int errorPosition, String errorDetail, String errorMessage,
		long last7, long last30, List<ItemSnippets.Snippet> samples, List<NetworkSearches.Translation> searches,
		long millis) {

	public boolean valid() {
		return errorCode == null;
	}

	public boolean empty() {
		return query.isBlank();
	}

	/** The query text before the error. */
	public String before() {
		return query.substring(0, Math.min(errorPosition, query.length()));
	}

	/** The query text from the error on. */
	public String after() {
		return query.substring(Math.min(errorPosition, query.length()));
	}
}
