package org.vigie.inbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.AccountId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;

/**
 * What the inbox shows: every filter is optional and they combine with AND; several values of one
 * filter combine with OR. The same filter serves the page (kept in the URL, so a view can be
 * bookmarked) and the API.
 *
 * @param statuses empty for every status; {@link ItemStatus#OPEN} includes snoozed items whose time has come
 * @param assignee {@code me}, {@code none}, or a user id; null for anyone
 * @param query a listening query id: only items it matched
 * @param from created at or after; null for no bound
 * @param to created before; null for no bound
 * @param text free text, searched in the archive (French and English analysis)
 */
public record InboxFilter(Set<ShowId> shows, Set<AccountId> accounts, Set<Network> networks, Set<ItemKind> kinds,
		Set<String> langs, Set<String> sentiments, Set<ItemStatus> statuses, @Nullable String assignee,
		@Nullable String tag, @Nullable String query, @Nullable Instant from, @Nullable Instant to, @Nullable String text,
		InboxOrder order) {

	/** Sentiment values as stored by enrichment. */
	public static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

	/** Nothing filtered, newest first, every status. */
	public static final InboxFilter ALL = new InboxFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
			Set.of(), null, null, null, null, null, null, InboxOrder.TIME);

	public InboxFilter {
		shows = Set.copyOf(shows);
		accounts = Set.copyOf(accounts);
		networks = Set.copyOf(networks);
		kinds = Set.copyOf(kinds);
		langs = Set.copyOf(langs);
		sentiments = Set.copyOf(sentiments);
		statuses = Set.copyOf(statuses);
		assignee = blankToNull(assignee);
		tag = blankToNull(tag);
		query = blankToNull(query);
		text = blankToNull(text);
		Objects.requireNonNull(order, "order");
	}

	/**
	 * Reads a filter from request parameters; each may repeat or hold comma-separated values.
	 * @param showResolver turns a show id or slug into the show's id; empty if unknown
	 * @param defaultStatuses the statuses when no {@code status} parameter is given ({@code status=all} means every status)
	 * @throws IllegalArgumentException naming the parameter when a value is not understood
	 */
	public static InboxFilter parse(Map<String, ? extends Collection<String>> params,
			Function<String, Optional<ShowId>> showResolver, Set<ItemStatus> defaultStatuses) {
		Set<ItemStatus> statuses = params.containsKey("status")
				? values(params, "status").stream().filter(s -> !s.equals("all"))
					.map(s -> ItemStatus.fromId(s).orElseThrow(() -> bad("status", s)))
					.collect(Collectors.toSet())
				: defaultStatuses;
		String order = first(params, "order");
		return new InboxFilter(
				map(params, "show", s -> showResolver.apply(s).orElseThrow(() -> bad("show", s))),
				map(params, "account", s -> parseId(s, AccountId::of, "account")),
				map(params, "network", s -> Network.fromId(s).orElseThrow(() -> bad("network", s))),
				map(params, "kind", s -> ItemKind.fromId(s).orElseThrow(() -> bad("kind", s))),
				map(params, "lang", s -> {
					if (!s.matches("[a-zA-Z]{2,3}")) {
						throw bad("lang", s);
					}
					return s.toLowerCase(Locale.ROOT);
				}),
				map(params, "sentiment", s -> {
					String v = s.toLowerCase(Locale.ROOT);
					if (!SENTIMENTS.contains(v)) {
						throw bad("sentiment", s);
					}
					return v;
				}),
				statuses, first(params, "assignee"), first(params, "tag"), first(params, "query"),
				instant(firstOf(params, "from", "since"), false), instant(firstOf(params, "to", "until"), true),
				first(params, "q"),
				order == null || order.isBlank() || order.equals("time") ? InboxOrder.TIME
						: order.equals("priority") ? InboxOrder.PRIORITY : fail("order", order));
	}

	/** The same filter with another order. */
	public InboxFilter withOrder(InboxOrder order) {
		return new InboxFilter(shows, accounts, networks, kinds, langs, sentiments, statuses, assignee, tag, query, from,
				to, text, order);
	}

	/** The same filter restricted to the given statuses. */
	public InboxFilter withStatuses(Set<ItemStatus> statuses) {
		return new InboxFilter(shows, accounts, networks, kinds, langs, sentiments, statuses, assignee, tag, query, from,
				to, text, order);
	}

	/** True if only the statuses (and order) are set: the plain stream. */
	public boolean isPlain() {
		return shows.isEmpty() && accounts.isEmpty() && networks.isEmpty() && kinds.isEmpty() && langs.isEmpty()
				&& sentiments.isEmpty() && assignee == null && tag == null && query == null && from == null && to == null
				&& text == null;
	}

	/**
	 * This filter as URL parameters ({@code network=x&status=open…}, without {@code ?}), the inverse of
	 * {@link #parse}; statuses are always written so that the default does not creep in.
	 */
	public String toQueryString() {
		List<String> parts = new ArrayList<>();
		shows.stream().map(ShowId::toString).sorted().forEach(v -> parts.add(param("show", v)));
		accounts.stream().map(AccountId::toString).sorted().forEach(v -> parts.add(param("account", v)));
		networks.stream().map(Network::id).sorted().forEach(v -> parts.add(param("network", v)));
		kinds.stream().map(ItemKind::id).sorted().forEach(v -> parts.add(param("kind", v)));
		langs.stream().sorted().forEach(v -> parts.add(param("lang", v)));
		sentiments.stream().sorted().forEach(v -> parts.add(param("sentiment", v)));
		if (statuses.isEmpty()) {
			parts.add("status=all");
		}
		statuses.stream().map(ItemStatus::id).sorted().forEach(v -> parts.add(param("status", v)));
		if (assignee != null) {
			parts.add(param("assignee", assignee));
		}
		if (tag != null) {
			parts.add(param("tag", tag));
		}
		if (query != null) {
			parts.add(param("query", query));
		}
		if (from != null) {
			parts.add(param("from", from.toString()));
		}
		if (to != null) {
			parts.add(param("to", to.toString()));
		}
		if (text != null) {
			parts.add(param("q", text));
		}
		if (order != InboxOrder.TIME) {
			parts.add(param("order", order.id()));
		}
		return String.join("&", parts);
	}

	private static String param(String name, String value) {
		return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static <T> Set<T> map(Map<String, ? extends Collection<String>> params, String name, Function<String, T> f) {
		Set<T> out = new LinkedHashSet<>();
		for (String v : values(params, name)) {
			out.add(f.apply(v));
		}
		return out;
	}

	private static List<String> values(Map<String, ? extends Collection<String>> params, String name) {
		Collection<String> raw = params.get(name);
		if (raw == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (String r : raw) {
			if (r == null) {
				continue;
			}
			for (String part : r.split(",")) {
				if (!part.isBlank()) {
					out.add(part.trim());
				}
			}
		}
		return out;
	}

	private static @Nullable String first(Map<String, ? extends Collection<String>> params, String name) {
		Collection<String> raw = params.get(name);
		if (raw == null) {
			return null;
		}
		return raw.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst().orElse(null);
	}

	private static @Nullable String firstOf(Map<String, ? extends Collection<String>> params, String a, String b) {
		String v = first(params, a);
		return v != null ? v : first(params, b);
	}

	/** An ISO instant, an ISO local date-time (UTC), a date (its start, or its end for an upper bound), or epoch millis. */
	static @Nullable Instant instant(@Nullable String value, boolean upper) {
		if (value == null) {
			return null;
		}
		try {
			if (value.matches("\\d{9,}")) {
				return Instant.ofEpochMilli(Long.parseLong(value));
			}
			if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
				LocalDate day = LocalDate.parse(value);
				return (upper ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
				return OffsetDateTime.parse(value).toInstant();
			}
			return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException | NumberFormatException e) {
			throw bad(upper ? "to" : "from", value);
		}
	}

	private static <T> T parseId(String value, Function<String, T> f, String name) {
		try {
			return f.apply(value);
		}
		catch (IllegalArgumentException e) {
			throw bad(name, value);
		}
	}

	private static IllegalArgumentException bad(String name, String value) {
		return new IllegalArgumentException("Unknown value for " + name + ": " + value);
	}

	private static <T> T fail(String name, String value) {
		throw bad(name, value);
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
