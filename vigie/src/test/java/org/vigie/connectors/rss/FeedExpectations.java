package org.vigie.connectors.rss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates the part of feedparser's {@code Expect:} expressions that concerns what Vigie keeps of
 * a feed: {@code bozo}, {@code len(entries)}, the feed's title, and each entry's title, link, id,
 * summary/description and content. Any other clause (feedparser's own fields such as
 * {@code author_detail}, {@code cloud}, {@code encoding}) makes the whole expression "not
 * applicable": it is neither passed nor failed.
 */
final class FeedExpectations {

	private static final Pattern EQUALS = Pattern.compile(
			"^(.+?)\\s*==\\s*(u?'(?:[^'\\\\]|\\\\.)*'|u?\"(?:[^\"\\\\]|\\\\.)*\"|\\d+)$");

	private static final Pattern FIELD = Pattern.compile(
			"^(feed|entries\\[(\\d+)\\])(?:\\['(\\w+)'\\]|\\.(\\w+))(?:\\[0\\](?:\\['value'\\]|\\.value))?$");

	private FeedExpectations() {
	}

	/** What Vigie read from one document: the feed, or null when it gave up, and whether it was lenient. */
	record Reading(@Nullable SyndFeed feed, boolean bozo) {
	}

	/** True/false when every clause is one Vigie can answer; empty otherwise. */
	static Optional<Boolean> evaluate(String expect, Reading reading) {
		if (expect.isBlank() || expect.contains(" or ")) {
			return Optional.empty();
		}
		List<String> clauses = new ArrayList<>();
		for (String clause : expect.split("\\s+and\\s+")) {
			clauses.add(clause.strip());
		}
		boolean all = true;
		for (String clause : clauses) {
			Optional<Boolean> one = clause(clause, reading);
			if (one.isEmpty()) {
				return Optional.empty();
			}
			all &= one.get();
		}
		return Optional.of(all);
	}

	private static Optional<Boolean> clause(String clause, Reading reading) {
		if (clause.equals("bozo")) {
			return Optional.of(reading.bozo());
		}
		if (clause.equals("not bozo")) {
			return Optional.of(!reading.bozo());
		}
		Matcher eq = EQUALS.matcher(clause);
		if (!eq.matches()) {
			return Optional.empty();
		}
		String left = eq.group(1).strip();
		String literal = eq.group(2);
		SyndFeed feed = reading.feed();
		if (left.equals("len(entries)")) {
			return Optional.of(feed != null && String.valueOf(feed.getEntries().size()).equals(literal));
		}
		Matcher f = FIELD.matcher(left);
		if (!f.matches() || literal.matches("\\d+")) {
			return Optional.empty();
		}
		String field = f.group(3) != null ? f.group(3) : f.group(4);
		boolean contentValue = left.endsWith("[0]['value']") || left.endsWith("[0].value");
		String expected = pythonString(literal);
		if (feed == null) {
			return Optional.of(false);
		}
		if (f.group(1).equals("feed")) {
			if (!field.equals("title") || contentValue) {
				return Optional.empty();
			}
			return Optional.of(expected.equals(plain(feed.getTitleEx(), feed.getTitle())));
		}
		int index = Integer.parseInt(f.group(2));
		if (index >= feed.getEntries().size()) {
			return Optional.of(false);
		}
		SyndEntry entry = feed.getEntries().get(index);
		String base = entry.getLink() != null ? entry.getLink() : "";
		String actual = switch (field) {
			case "title" -> contentValue ? null : plain(entry.getTitleEx(), entry.getTitle());
			case "link" -> contentValue ? null : entry.getLink();
			case "id" -> contentValue ? null : entry.getUri();
			case "description", "summary" -> contentValue ? null : html(entry.getDescription(), base);
			case "content" -> contentValue && !entry.getContents().isEmpty() ? html(entry.getContents().get(0), base) : null;
			default -> null;
		};
		return actual == null && !field.matches("title|link|id|description|summary|content") ? Optional.empty()
				: Optional.of(expected.equals(actual));
	}

	private static String plain(@Nullable SyndContent content, @Nullable String fallback) {
		String value = content != null && content.getValue() != null ? content.getValue() : fallback;
		if (value == null) {
			return "";
		}
		String type = content == null ? null : content.getType();
		// feedparser keeps markup in titles (sanitised), as Vigie's sanitiser would render it
		return type != null && type.contains("html") ? HtmlSanitizer.sanitize(value, "") : value;
	}

	private static @Nullable String html(@Nullable SyndContent content, String base) {
		if (content == null || content.getValue() == null) {
			return null;
		}
		String type = content.getType();
		if (type != null && !type.contains("html")) {
			return content.getValue();
		}
		return HtmlSanitizer.sanitize(content.getValue(), base);
	}

	/** Decodes a Python string literal: quotes, {@code u} prefix, and backslash escapes. */
	static String pythonString(String literal) {
		String body = literal.startsWith("u") ? literal.substring(1) : literal;
		body = body.substring(1, body.length() - 1);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c != '\\' || i + 1 == body.length()) {
				out.append(c);
				continue;
			}
			char n = body.charAt(++i);
			switch (n) {
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'r' -> out.append('\r');
				case 'x' -> {
					out.append((char) Integer.parseInt(body.substring(i + 1, i + 3), 16));
					i += 2;
				}
				case 'u' -> {
					out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
					i += 4;
				}
				case 'U' -> {
					out.appendCodePoint(Integer.parseInt(body.substring(i + 1, i + 9), 16));
					i += 8;
				}
				default -> out.append(n);
			}
		}
		return out.toString();
	}
}
