package org.vigie.archive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;

/**
 * Recursive-descent parser of the listening query language. Precedence, loosest first: {@code OR},
 * {@code AND} (also implicit between neighbours), {@code NOT} / {@code -}, {@code NEAR/n} /
 * {@code ONEAR/n}. Operators are written in capitals; lowercase {@code or} is a word. Not
 * thread-safe: one instance per parse.
 */
final class QueryParser {

	static final Set<String> FIELDS = Set.of("lang", "network", "author", "from", "has", "sentiment", "show", "kind",
			"raw");

	static final int MAX_DISTANCE = 50;

	private static final Map<String, String> SENTIMENTS = Map.of("positive", "positive", "positif", "positive",
			"negative", "negative", "negatif", "negative", "neutral", "neutral", "neutre", "neutral");

	private static final Map<String, String> HAS = Map.of("link", "link", "links", "link", "lien", "link", "liens",
			"link", "media", "media", "medias", "media");

	private final List<Token> tokens;

	private final String text;

	private int next;

	private QueryParser(String text) {
		this.text = text;
		this.tokens = new Lexer(text).tokens();
	}

	/** Parses {@code text}; never returns null. @throws QuerySyntaxException where it does not parse */
	static QueryNode parse(String text) {
		QueryParser parser = new QueryParser(text);
		if (parser.tokens.isEmpty()) {
			throw new QuerySyntaxException(0, "empty", "", "the query is empty: expected a word, a \"phrase\" or a filter");
		}
		QueryNode root = parser.or();
		if (parser.next < parser.tokens.size()) {
			Token t = parser.tokens.get(parser.next);
			if (t.type == Type.RPAREN) {
				throw new QuerySyntaxException(t.position, "unexpected-close", ")", "unexpected ')': no parenthesis is open here");
			}
			throw parser.expectedTerm(t);
		}
		if (!positive(root)) {
			throw new QuerySyntaxException(0, "only-negative", "",
					"a query must look for something: add a word or a filter, not only exclusions");
		}
		return root;
	}

	private QueryNode or() {
		List<QueryNode> clauses = new ArrayList<>();
		int start = peekPosition();
		clauses.add(and());
		while (peekIs(Type.OR)) {
			Token op = tokens.get(next++);
			if (atEnd() || peekIs(Type.RPAREN)) {
				throw expectedTerm(op, true);
			}
			clauses.add(and());
		}
		return clauses.size() == 1 ? clauses.get(0) : new QueryNode.Or(clauses, start);
	}

	private QueryNode and() {
		List<QueryNode> clauses = new ArrayList<>();
		int start = peekPosition();
		clauses.add(unary());
		while (!atEnd()) {
			if (peekIs(Type.AND)) {
				Token op = tokens.get(next++);
				if (atEnd() || peekIs(Type.RPAREN) || peekIs(Type.OR)) {
					throw expectedTerm(op, true);
				}
				clauses.add(unary());
			}
			else if (startsUnary(tokens.get(next))) {
				clauses.add(unary());
			}
			else {
				break;
			}
		}
		return clauses.size() == 1 ? clauses.get(0) : new QueryNode.And(clauses, start);
	}

	private QueryNode unary() {
		if (atEnd()) {
			throw endExpected();
		}
		Token t = tokens.get(next);
		if (t.type == Type.NOT || t.type == Type.MINUS) {
			next++;
			if (atEnd()) {
				throw expectedTerm(t, true);
			}
			return new QueryNode.Not(t.type == Type.NOT ? unary() : near(), t.position);
		}
		return near();
	}

	private QueryNode near() {
		QueryNode left = primary();
		while (peekIs(Type.NEAR)) {
			Token op = tokens.get(next++);
			requireNearOperand(left, op);
			if (atEnd()) {
				throw expectedTerm(op, true);
			}
			QueryNode right = primary();
			requireNearOperand(right, op);
			left = new QueryNode.Near(left, right, op.distance, op.ordered, left.position());
		}
		return left;
	}

	private QueryNode primary() {
		if (atEnd()) {
			throw endExpected();
		}
		Token t = tokens.get(next++);
		switch (t.type) {
			case LPAREN -> {
				if (atEnd()) {
					throw new QuerySyntaxException(text.length(), "close-paren", Integer.toString(t.position),
							"expected a word and ')' to close the '(' opened at " + t.position);
				}
				if (peekIs(Type.RPAREN)) {
					throw new QuerySyntaxException(peekPosition(), "term", ")",
							"expected a word, a \"phrase\", a #hashtag, an @mention, a field: or '(' inside the parentheses");
				}
				QueryNode inner = or();
				if (!peekIs(Type.RPAREN)) {
					int at = atEnd() ? text.length() : peekPosition();
					throw new QuerySyntaxException(at, "close-paren", Integer.toString(t.position),
							"expected ')' to close the '(' opened at " + t.position);
				}
				next++;
				return inner;
			}
			case PHRASE -> {
				requireWords(t, t.value);
				return new QueryNode.Phrase(t.value, t.position);
			}
			case WORD -> {
				return word(t);
			}
			case FIELD -> {
				return field(t);
			}
			default -> throw expectedTerm(t);
		}
	}

	private QueryNode word(Token t) {
		String w = t.value;
		boolean prefix = w.endsWith("*");
		String body = prefix ? w.substring(0, w.length() - 1) : w;
		if (body.indexOf('*') >= 0 || (prefix && body.isEmpty())) {
			throw wildcard(t);
		}
		if ((body.startsWith("#") || body.startsWith("＃")) && body.length() > 1) {
			String tag = body.substring(1);
			if (prefix && ItemAnalysis.keyword(tag).length() < 2) {
				throw wildcard(t);
			}
			return new QueryNode.Hashtag(tag, prefix, t.position);
		}
		if ((body.startsWith("@") || body.startsWith("＠")) && body.length() > 1 && !prefix) {
			return new QueryNode.Mention(body.substring(1), t.position);
		}
		if (prefix) {
			if (ItemAnalysis.prefix(body).codePointCount(0, ItemAnalysis.prefix(body).length()) < 2
					|| ItemAnalysis.words(body).size() != 1) {
				throw wildcard(t);
			}
			return new QueryNode.Word(body, true, t.position);
		}
		requireWords(t, body);
		return new QueryNode.Word(body, false, t.position);
	}

	private QueryNode field(Token t) {
		String name = t.field;
		String value = t.value.trim();
		int at = t.position + name.length() + 1;
		if (value.isEmpty()) {
			throw new QuerySyntaxException(at, "field-value", name + ":", "expected a value after '" + name + ":'");
		}
		String folded = ItemAnalysis.keyword(value);
		return switch (name) {
			case "raw" -> {
				if (ItemAnalysis.rawWords(value).isEmpty()) {
					throw new QuerySyntaxException(at, "empty-word", value, "'" + value + "' has no letters or digits to search");
				}
				yield new QueryNode.Raw(value, t.position);
			}
			case "lang" -> {
				if (!folded.matches("[a-z]{2,3}")) {
					throw badValue(at, name, value, "a language code such as fr, en, es, und");
				}
				yield new QueryNode.Filter("lang", folded, t.position);
			}
			case "network" -> {
				String id = folded.equals("twitter") ? "x" : folded;
				Network network = Network.fromId(id).orElseThrow(() -> badValue(at, name, value, String.join(", ",
						Arrays.stream(Network.values()).map(Network::id).toList())));
				yield new QueryNode.Filter("network", network.id(), t.position);
			}
			case "author", "from" -> {
				String handle = value.startsWith("@") ? value.substring(1) : value;
				if (handle.isBlank()) {
					throw new QuerySyntaxException(at, "field-value", name + ":", "expected a value after '" + name + ":'");
				}
				yield new QueryNode.Filter("author", handle, t.position);
			}
			case "has" -> {
				String v = HAS.get(folded);
				if (v == null) {
					throw badValue(at, name, value, "link, media");
				}
				yield new QueryNode.Filter("has", v, t.position);
			}
			case "sentiment" -> {
				String v = SENTIMENTS.get(folded);
				if (v == null) {
					throw badValue(at, name, value, "positive, neutral, negative");
				}
				yield new QueryNode.Filter("sentiment", v, t.position);
			}
			case "kind" -> {
				ItemKind kind = ItemKind.fromId(folded).orElseThrow(() -> badValue(at, name, value, String.join(", ",
						Arrays.stream(ItemKind.values()).map(ItemKind::id).toList())));
				yield new QueryNode.Filter("kind", kind.id(), t.position);
			}
			case "show" -> new QueryNode.Filter("show", value, t.position);
			default -> throw new IllegalStateException("unhandled field " + name);
		};
	}

	private void requireWords(Token t, String words) {
		if (ItemAnalysis.words(words).isEmpty()) {
			throw new QuerySyntaxException(t.position, "empty-word", words,
					"'" + words + "' has no letters, digits or emoji to search");
		}
	}

	private void requireNearOperand(QueryNode node, Token op) {
		if (!nearOperand(node)) {
			throw new QuerySyntaxException(node.position(), "near-operand", op.text,
					op.text + " needs words, word*, \"phrases\" or (a OR b) groups on each side");
		}
	}

	static boolean nearOperand(QueryNode node) {
		if (node instanceof QueryNode.Or o) {
			return o.clauses().stream().allMatch(QueryParser::nearOperand);
		}
		return node instanceof QueryNode.Word || node instanceof QueryNode.Phrase || node instanceof QueryNode.Near;
	}

	/** True if the node can match on its own, not only exclude. */
	static boolean positive(QueryNode node) {
		if (node instanceof QueryNode.Not) {
			return false;
		}
		if (node instanceof QueryNode.And a) {
			return a.clauses().stream().anyMatch(QueryParser::positive);
		}
		if (node instanceof QueryNode.Or o) {
			return o.clauses().stream().allMatch(QueryParser::positive);
		}
		return true;
	}

	private QuerySyntaxException badValue(int at, String field, String value, String expected) {
		return new QuerySyntaxException(at, "bad-value", field + ":" + value + "|" + expected,
				"'" + value + "' is not a value of " + field + ": expected one of " + expected);
	}

	private QuerySyntaxException wildcard(Token t) {
		return new QuerySyntaxException(t.position, "wildcard", t.value,
				"'" + t.value + "': * goes only at the end of a word, after at least 2 letters (emission*)");
	}

	private QuerySyntaxException expectedTerm(Token t) {
		return expectedTerm(t, false);
	}

	private QuerySyntaxException expectedTerm(Token t, boolean after) {
		int at = after ? (atEnd() ? text.length() : peekPosition()) : t.position;
		String what = after ? "after '" + t.text + "'" : "instead of '" + t.text + "'";
		return new QuerySyntaxException(at, "term", t.text,
				"expected a word, a \"phrase\", a #hashtag, an @mention, a field: or '(' " + what);
	}

	private QuerySyntaxException endExpected() {
		return new QuerySyntaxException(text.length(), "term", "",
				"expected a word, a \"phrase\", a #hashtag, an @mention, a field: or '(' at the end");
	}

	private boolean startsUnary(Token t) {
		return switch (t.type) {
			case WORD, PHRASE, FIELD, LPAREN, NOT, MINUS -> true;
			default -> false;
		};
	}

	private boolean atEnd() {
		return next >= tokens.size();
	}

	private boolean peekIs(Type type) {
		return !atEnd() && tokens.get(next).type == type;
	}

	private int peekPosition() {
		return atEnd() ? text.length() : tokens.get(next).position;
	}

	enum Type {
		WORD, PHRASE, FIELD, LPAREN, RPAREN, AND, OR, NOT, MINUS, NEAR
	}

	/** One lexical token; {@code field} for FIELD, {@code distance}/{@code ordered} for NEAR. */
	record Token(Type type, String text, String value, String field, int position, int distance, boolean ordered) {

		static Token of(Type type, String text, int position) {
			return new Token(type, text, text, "", position, 0, false);
		}
	}

	/** Splits the query text into tokens, keeping each one's position. */
	static final class Lexer {

		private final String s;

		private int i;

		Lexer(String s) {
			this.s = s;
		}

		List<Token> tokens() {
			List<Token> out = new ArrayList<>();
			while (true) {
				while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
					i++;
				}
				if (i >= s.length()) {
					return out;
				}
				int start = i;
				char c = s.charAt(i);
				if (c == '(') {
					i++;
					out.add(Token.of(Type.LPAREN, "(", start));
				}
				else if (c == ')') {
					i++;
					out.add(Token.of(Type.RPAREN, ")", start));
				}
				else if (isQuote(c)) {
					String phrase = quoted();
					out.add(new Token(Type.PHRASE, s.substring(start, i), phrase, "", start, 0, false));
				}
				else if (c == '-' && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))
						&& s.charAt(i + 1) != ')') {
					i++;
					out.add(Token.of(Type.MINUS, "-", start));
				}
				else {
					out.add(word(start));
				}
			}
		}

		private Token word(int start) {
			while (i < s.length()) {
				char c = s.charAt(i);
				if (Character.isWhitespace(c) || c == '(' || c == ')' || isQuote(c)) {
					break;
				}
				i++;
			}
			String w = s.substring(start, i);
			switch (w) {
				case "AND", "&&":
					return Token.of(Type.AND, w, start);
				case "OR", "||":
					return Token.of(Type.OR, w, start);
				case "NOT":
					return Token.of(Type.NOT, w, start);
				default:
			}
			if (w.startsWith("NEAR/") || w.startsWith("ONEAR/")) {
				boolean ordered = w.startsWith("O");
				String n = w.substring(w.indexOf('/') + 1);
				if (!n.matches("\\d{1,3}") || Integer.parseInt(n) > MAX_DISTANCE) {
					throw new QuerySyntaxException(start + w.indexOf('/') + 1, "near-distance", w,
							"expected a number of words from 0 to " + MAX_DISTANCE + " after '" + w.substring(0, w.indexOf('/') + 1) + "' (e.g. NEAR/3)");
				}
				return new Token(Type.NEAR, w, w, "", start, Integer.parseInt(n), ordered);
			}
			if (w.equals("NEAR") || w.equals("ONEAR")) {
				throw new QuerySyntaxException(start + w.length(), "near-distance", w,
						"expected '/' and a number of words after '" + w + "' (e.g. " + w + "/3)");
			}
			int colon = w.indexOf(':');
			if (colon > 0) {
				String name = w.substring(0, colon).toLowerCase(Locale.ROOT);
				String rest = w.substring(colon + 1);
				if (name.matches("[a-z]+") && !rest.startsWith("/")) {
					if (!FIELDS.contains(name)) {
						throw new QuerySyntaxException(start, "unknown-field", name,
								"unknown field '" + name + ":': expected lang:, network:, author:, has:, sentiment:, show:, kind: or raw:");
					}
					if (rest.isEmpty() && i < s.length() && isQuote(s.charAt(i))) {
						rest = quoted();
					}
					return new Token(Type.FIELD, s.substring(start, i), rest, name, start, 0, false);
				}
			}
			return Token.of(Type.WORD, w, start);
		}

		/** Reads a quoted phrase starting at {@code i}, returns its inside and moves past the closing quote. */
		private String quoted() {
			int open = i;
			i++;
			int from = i;
			while (i < s.length() && !isQuote(s.charAt(i))) {
				i++;
			}
			if (i >= s.length()) {
				throw new QuerySyntaxException(s.length(), "unclosed-quote", Integer.toString(open),
						"expected '\"' to close the phrase opened at " + open);
			}
			String inside = s.substring(from, i);
			i++;
			return inside;
		}

		private static boolean isQuote(char c) {
			return c == '"' || c == '“' || c == '”' || c == '«' || c == '»';
		}
	}
}
