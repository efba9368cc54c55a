package org.vigie.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * A parsed listening query (or free text), ready to compile into a Lucene query over the
 * archive's fields. Immutable and thread-safe.
 *
 * <p>The language: words (case and accents ignored, plurals reduced), {@code "phrases"},
 * {@code AND} (or nothing), {@code OR}, {@code NOT} and {@code -word}, parentheses, trailing
 * wildcards ({@code emission*}), proximity {@code a NEAR/3 b} (any order, at most 3 words apart)
 * and {@code a ONEAR/3 b} (in this order), {@code #hashtag}, {@code @mention}, {@code lang:fr},
 * {@code network:x}, {@code author:handle}, {@code has:link}, {@code has:media},
 * {@code sentiment:negative}, {@code show:slug}, {@code kind:mention}, and {@code raw:"…"} for
 * the exact words. {@code AND} binds tighter than {@code OR}; operators are written in capitals.
 */
public final class SearchQuery {

	private final String text;

	private final QueryNode root;

	private SearchQuery(String text, QueryNode root) {
		this.text = text;
		this.root = root;
	}

	/**
	 * Parses a query of the listening language.
	 * @throws QuerySyntaxException with the position and what was expected, when it does not parse
	 */
	public static SearchQuery parse(String text) {
		Objects.requireNonNull(text, "text");
		return new SearchQuery(text, QueryParser.parse(text));
	}

	/**
	 * Plain free text, as typed in a search box: every word must appear (in any order), with no
	 * operators or fields. Words without letters or digits are ignored; empty text matches everything.
	 */
	public static SearchQuery freeText(String text) {
		List<QueryNode> words = new ArrayList<>();
		int at = 0;
		for (String part : text.split("\\s+")) {
			int position = text.indexOf(part, at);
			at = Math.max(at, position + part.length());
			if (!part.isEmpty() && !ItemAnalysis.words(part).isEmpty()) {
				words.add(new QueryNode.Word(part, false, Math.max(position, 0)));
			}
		}
		if (words.isEmpty()) {
			return new SearchQuery(text, new QueryNode.And(List.of(), 0));
		}
		return new SearchQuery(text, words.size() == 1 ? words.get(0) : new QueryNode.And(words, 0));
	}

	/** The text as typed. */
	public String text() {
		return text;
	}

	/** The parsed tree. */
	public QueryNode root() {
		return root;
	}

	/** The Lucene query; {@code show:} values are taken as show ids. */
	public Query toLucene() {
		return toLucene(Optional::of);
	}

	/**
	 * The Lucene query.
	 * @param shows resolves a {@code show:} value (slug or name, as typed) to the show's id; empty when unknown
	 * @throws QuerySyntaxException if a {@code show:} value names no show
	 */
	public Query toLucene(Function<String, Optional<String>> shows) {
		if (root instanceof QueryNode.And and && and.clauses().isEmpty()) {
			return new MatchAllDocsQuery();
		}
		return new QueryCompiler(shows).compile(root);
	}

	@Override
	public String toString() {
		return text;
	}
}
