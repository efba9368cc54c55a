package org.vigie.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.FieldMaskingSpanQuery;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Compiles a {@link QueryNode} tree into a Lucene query over {@link ItemFields}: words through
 * {@link ItemAnalysis} (a word that analyses into several, like « Saint-Denis », becomes a
 * phrase), proximity as span queries, exclusions as {@code MUST_NOT} with a match-all when a
 * group has nothing positive. Stateless apart from the show resolver.
 */
final class QueryCompiler {

	/** Prefixes expand to at most this many terms inside a proximity. */
	private static final int MAX_PREFIX_TERMS_IN_SPAN = 256;

	private final Function<String, Optional<String>> shows;

	QueryCompiler(Function<String, Optional<String>> shows) {
		this.shows = shows;
	}

	Query compile(QueryNode node) {
		if (node instanceof QueryNode.Word w) {
			return w.prefix() ? prefix(w.text()) : words(ItemFields.TEXT, ItemAnalysis.words(w.text()));
		}
		if (node instanceof QueryNode.Phrase p) {
			return words(ItemFields.TEXT, ItemAnalysis.words(p.text()));
		}
		if (node instanceof QueryNode.Raw r) {
			return words(ItemFields.TEXT_RAW, ItemAnalysis.rawWords(r.text()));
		}
		if (node instanceof QueryNode.Hashtag h) {
			Term tag = new Term(ItemFields.HASHTAG, ItemAnalysis.keyword(h.tag()));
			return h.prefix() ? new PrefixQuery(tag) : new TermQuery(tag);
		}
		if (node instanceof QueryNode.Mention m) {
			return new TermQuery(new Term(ItemFields.MENTION, ItemAnalysis.keyword(m.handle())));
		}
		if (node instanceof QueryNode.Filter f) {
			return filter(f);
		}
		if (node instanceof QueryNode.And a) {
			return and(a.clauses());
		}
		if (node instanceof QueryNode.Or o) {
			return or(o.clauses());
		}
		if (node instanceof QueryNode.Not n) {
			return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
				.add(compile(n.clause()), Occur.MUST_NOT)
				.build();
		}
		return span(node);
	}

	private Query filter(QueryNode.Filter f) {
		String value = switch (f.field()) {
			case "show" -> shows.apply(f.value()).orElseThrow(() -> new QuerySyntaxException(f.position() + 5,
					"unknown-show", f.value(), "no show is called '" + f.value() + "'"));
			case "author" -> ItemAnalysis.keyword(f.value());
			default -> f.value();
		};
		return new TermQuery(new Term(f.field(), value));
	}

	private Query and(List<QueryNode> clauses) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		boolean positive = false;
		for (QueryNode c : clauses) {
			if (c instanceof QueryNode.Not not) {
				b.add(compile(not.clause()), Occur.MUST_NOT);
			}
			else {
				b.add(compile(c), Occur.MUST);
				positive = true;
			}
		}
		if (!positive) {
			b.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		return b.build();
	}

	private Query or(List<QueryNode> clauses) {
		BooleanQuery.Builder b = new BooleanQuery.Builder();
		for (QueryNode c : clauses) {
			b.add(compile(c), Occur.SHOULD);
		}
		return b.build();
	}

	private static Query words(String field, List<String> words) {
		if (words.size() == 1) {
			return new TermQuery(new Term(field, words.get(0)));
		}
		PhraseQuery.Builder phrase = new PhraseQuery.Builder();
		for (String w : words) {
			phrase.add(new Term(field, w));
		}
		return phrase.build();
	}

	/** {@code word*}: one term of the prefix field, or a prefix query beyond its longest prefix. */
	private static Query prefix(String word) {
		String p = ItemAnalysis.prefix(word);
		return p.length() <= ItemAnalysis.MAX_PREFIX ? new TermQuery(new Term(ItemFields.TEXT_PREFIX, p))
				: new PrefixQuery(new Term(ItemFields.TEXT, p));
	}

	private SpanQuery span(QueryNode node) {
		if (node instanceof QueryNode.Word w && w.prefix() && ItemAnalysis.prefix(w.text()).length() <= ItemAnalysis.MAX_PREFIX) {
			// The prefix field has the same positions as the text: mask it so both can sit in one span.
			return new FieldMaskingSpanQuery(new SpanTermQuery(new Term(ItemFields.TEXT_PREFIX, ItemAnalysis.prefix(w.text()))),
					ItemFields.TEXT);
		}
		if (node instanceof QueryNode.Word w && w.prefix()) {
			var wrapper = new SpanMultiTermQueryWrapper<>(
					new PrefixQuery(new Term(ItemFields.TEXT, ItemAnalysis.prefix(w.text()))));
			wrapper.setRewriteMethod(new SpanMultiTermQueryWrapper.TopTermsSpanBooleanQueryRewrite(MAX_PREFIX_TERMS_IN_SPAN));
			return wrapper;
		}
		if (node instanceof QueryNode.Word w) {
			return spanWords(ItemAnalysis.words(w.text()));
		}
		if (node instanceof QueryNode.Phrase p) {
			return spanWords(ItemAnalysis.words(p.text()));
		}
		if (node instanceof QueryNode.Or o) {
			return new SpanOrQuery(o.clauses().stream().map(this::span).toArray(SpanQuery[]::new));
		}
		if (node instanceof QueryNode.Near n) {
			return new SpanNearQuery(new SpanQuery[] { span(n.left()), span(n.right()) }, n.distance(), n.ordered());
		}
		throw new QuerySyntaxException(node.position(), "near-operand", "NEAR",
				"NEAR needs words, word*, \"phrases\" or (a OR b) groups on each side");
	}

	private static SpanQuery spanWords(List<String> words) {
		if (words.size() == 1) {
			return new SpanTermQuery(new Term(ItemFields.TEXT, words.get(0)));
		}
		List<SpanQuery> terms = new ArrayList<>();
		for (String w : words) {
			terms.add(new SpanTermQuery(new Term(ItemFields.TEXT, w)));
		}
		return new SpanNearQuery(terms.toArray(SpanQuery[]::new), 0, true);
	}
}
