package org.vigie.trends.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms of an item that can make a trend: hashtags ({@code #tag}), mentions ({@code @name}) and
 * words of three letters or more, lower-cased, without French and English stop words, URLs, French
 * elisions ({@code l'}, {@code qu'}…) or the words that name the show itself (its name is in every
 * item about it, so it is never news). Immutable and thread-safe.
 */
public final class TermExtractor {

	private static final Set<String> STOP_WORDS = load("stopwords-fr.txt", "stopwords-en.txt");

	private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+", Pattern.CASE_INSENSITIVE);

	/** A mention, with the instance of a Fediverse or domain address ({@code @lena@mastodon.social}). */
	private static final String MENTION = "@[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*(?:[.@][\\p{L}\\p{N}_-]+)*";

	private static final Pattern TOKEN = Pattern.compile(MENTION + "|#?[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}_'’-]*");

	private static final Pattern ELISION = Pattern.compile("^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]");

	private final Set<String> excluded;

	/**
	 * @param names what the series is about (a show's name, its usual hashtag): each of their words,
	 *        and each name run together as a hashtag, is never a term
	 */
	public TermExtractor(Collection<String> names) {
		Set<String> out = new HashSet<>();
		for (String name : names) {
			String plain = fold(name);
			out.add(plain.replaceAll("[^\\p{L}\\p{N}]", ""));
			for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
				if (!word.isEmpty()) {
					out.add(word);
				}
			}
		}
		this.excluded = Set.copyOf(out);
	}

	/**
	 * What a show's account handle names, for {@link #TermExtractor(Collection)}: the handle without
	 * its leading {@code @} and without the instance of a Fediverse or Bluesky-style address
	 * ({@code @RivagesTV@mastodon.example} and {@code rivagestv.bsky.social} name {@code RivagesTV},
	 * {@code rivagestv}), so that fans mentioning the show's own account do not make it a trend.
	 */
	public static String handleName(String handle) {
		String name = handle.startsWith("@") ? handle.substring(1) : handle;
		int at = name.indexOf('@');
		if (at > 0) {
			name = name.substring(0, at);
		}
		int dot = name.indexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

	/** The distinct terms of {@code text}, in order of appearance. */
	public Set<String> terms(String text) {
		Set<String> terms = new LinkedHashSet<>();
		Matcher m = TOKEN.matcher(URL.matcher(text).replaceAll(" "));
		while (m.find()) {
			String token = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
			char first = token.charAt(0);
			boolean tagged = first == '#' || first == '@';
			String word = tagged ? token.substring(1) : ELISION.matcher(token).replaceFirst("");
			word = word.replaceAll("['-]+$", "");
			String key = fold(word);
			String named = first == '@' ? fold(handleName(word)) : key;
			if (key.isEmpty() || excluded.contains(named.replaceAll("[^\\p{L}\\p{N}]", ""))) {
				continue;
			}
			if (tagged) {
				terms.add(first + word);
			}
			else if (word.codePointCount(0, word.length()) >= 3 && !STOP_WORDS.contains(key)
					&& !word.chars().allMatch(Character::isDigit)) {
				terms.add(word);
			}
		}
		return terms;
	}

	/** Lower case without accents: how stop words and names are compared. */
	static String fold(String s) {
		return Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
	}

	private static Set<String> load(String... files) {
		Set<String> words = new HashSet<>();
		for (String file : files) {
			try (InputStream in = TermExtractor.class.getResourceAsStream(file)) {
				if (in == null) {
					throw new IllegalStateException("Missing resource " + file);
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				String line;
				while ((line = reader.readLine()) != null) {
					if (!line.startsWith("#")) {
						for (String w : line.trim().split("\\s+")) {
							if (!w.isEmpty()) {
								words.add(fold(w));
							}
						}
					}
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return Set.copyOf(words);
	}
}
