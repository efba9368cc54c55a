package org.vigie.simulator.x;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.vigie.shared.Network;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimWorld;

/**
 * The part of X's search query language the fake understands: terms ANDed by spaces, {@code OR}
 * between terms, {@code -} negation, {@code #tag}, {@code @user}, {@code from:}, {@code to:},
 * {@code conversation_id:}, {@code is:reply}, {@code is:retweet} (never true here), {@code lang:},
 * and quoted phrases.
 */
final class XQuery {

	private XQuery() {
	}

	static Predicate<SimPost> parse(String query, SimWorld world) {
		List<String> tokens = tokens(query);
		List<List<Predicate<SimPost>>> any = new ArrayList<>();
		List<Predicate<SimPost>> all = new ArrayList<>();
		any.add(all);
		for (String token : tokens) {
			if (token.equals("OR")) {
				all = new ArrayList<>();
				any.add(all);
				continue;
			}
			boolean negate = token.startsWith("-") && token.length() > 1;
			Predicate<SimPost> p = term(negate ? token.substring(1) : token, world);
			all.add(negate ? p.negate() : p);
		}
		return post -> any.stream().anyMatch(group -> !group.isEmpty() && group.stream().allMatch(t -> t.test(post)));
	}

	private static Predicate<SimPost> term(String token, SimWorld world) {
		String t = token.toLowerCase(Locale.ROOT);
		if (t.startsWith("#")) {
			String tag = t.substring(1);
			return p -> p.hashtags().stream().anyMatch(h -> h.equalsIgnoreCase(tag));
		}
		if (t.startsWith("@")) {
			String handle = t.substring(1);
			return p -> p.mentions(handle) || p.author().handle().equalsIgnoreCase(handle);
		}
		if (t.startsWith("from:")) {
			String handle = t.substring(5);
			return p -> p.author().handle().equalsIgnoreCase(handle);
		}
		if (t.startsWith("to:")) {
			String handle = t.substring(3);
			return p -> p.inReplyToUserId() != null && world.user(Network.X, p.inReplyToUserId())
				.map(u -> u.handle().equalsIgnoreCase(handle)).orElse(false);
		}
		if (t.startsWith("conversation_id:")) {
			String id = t.substring(16);
			return p -> p.conversationId().equals(id) && !p.id().equals(id);
		}
		if (t.equals("is:reply")) {
			return p -> p.inReplyToId() != null;
		}
		if (t.equals("is:retweet") || t.equals("is:quote")) {
			return p -> false;
		}
		if (t.startsWith("lang:")) {
			String lang = t.substring(5);
			return p -> p.lang().equalsIgnoreCase(lang);
		}
		String phrase = t.startsWith("\"") ? t.replace("\"", "") : t;
		return p -> p.text().toLowerCase(Locale.ROOT).contains(phrase);
	}

	private static List<String> tokens(String query) {
		List<String> out = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (char c : query.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
				current.append(c);
			}
			else if (Character.isWhitespace(c) && !quoted) {
				if (current.length() > 0) {
					out.add(current.toString());
					current.setLength(0);
				}
			}
			else if ((c == '(' || c == ')') && !quoted) {
				// Grouping is not simulated: terms inside parentheses are ANDed with the rest.
			}
			else {
				current.append(c);
			}
		}
		if (current.length() > 0) {
			out.add(current.toString());
		}
		return out;
	}
}
