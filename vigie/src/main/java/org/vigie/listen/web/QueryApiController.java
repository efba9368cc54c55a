package org.vigie.listen.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.archive.ArchiveStats;
import org.vigie.archive.QuerySyntaxException;
import org.vigie.listen.ListeningQueries;
import org.vigie.listen.ListeningQuery;
import org.vigie.listen.NetworkSearches;
import org.vigie.listen.QueryDraft;
import org.vigie.listen.QueryId;
import org.vigie.listen.QueryTester;
import org.vigie.shared.Network;
import org.vigie.shared.ShowId;
import org.vigie.workspace.Access;

/** Listening queries over the REST API. Analysts may validate and test, not change. */
@RestController
@Tag(name = "Listening queries")
class QueryApiController {

	private final Access access;

	private final ListeningQueries queries;

	private final QueryTester tester;

	private final NetworkSearches searches;

	private final Clock clock;

	QueryApiController(Access access, ListeningQueries queries, QueryTester tester, NetworkSearches searches, Clock clock) {
		this.access = access;
		this.queries = queries;
		this.tester = tester;
		this.searches = searches;
		this.clock = clock;
	}

	/** A query to create or change. {@code backfillDays} > 0 also records the matches of that many past days. */
	record QueryRequest(String show, String name, String query, @Nullable Boolean enabled, @Nullable Instant appliesFrom,
			@Nullable Integer backfillDays) {
	}

	record QueryView(String id, String show, String name, String query, boolean enabled, Instant appliesFrom,
			Instant createdAt, Instant updatedAt, @Nullable Long backfilled) {

		static QueryView of(ListeningQuery q, @Nullable Long backfilled) {
			return new QueryView(q.id().toString(), q.show().toString(), q.name(), q.text(), q.enabled(), q.appliesFrom(),
					q.createdAt(), q.updatedAt(), backfilled);
		}
	}

	record MatchView(String item, Instant itemCreatedAt, Instant matchedAt, String source) {
	}

	record ValidateRequest(String query) {
	}

	record TestRequest(String query, String text, @Nullable String network) {
	}

	@GetMapping("/api/v1/queries")
	@Operation(summary = "The listening queries of the shows I see")
	List<QueryView> list() {
		return queries.visibleTo(access.current()).stream().map(q -> QueryView.of(q, null)).toList();
	}

	@GetMapping("/api/v1/queries/{id}")
	@Operation(summary = "One listening query")
	QueryView get(@PathVariable String id) {
		return QueryView.of(queries.get(access.current(), QueryId.of(id)), null);
	}

	@PostMapping("/api/v1/queries")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a listening query", description = "Body {\"show\", \"name\", \"query\", \"enabled\"?, "
			+ "\"appliesFrom\"?, \"backfillDays\"?}. A query that does not parse is a 400 with position and message.")
	QueryView create(@RequestBody QueryRequest body) {
		var actor = access.current();
		ListeningQuery q = queries.create(actor, draft(body));
		return QueryView.of(q, backfill(body, q));
	}

	@PutMapping("/api/v1/queries/{id}")
	@Operation(summary = "Change a listening query")
	QueryView update(@PathVariable String id, @RequestBody QueryRequest body) {
		ListeningQuery q = queries.update(access.current(), QueryId.of(id), draft(body));
		return QueryView.of(q, backfill(body, q));
	}

	@DeleteMapping("/api/v1/queries/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a listening query and its matches")
	void delete(@PathVariable String id) {
		queries.delete(access.current(), QueryId.of(id));
	}

	@PostMapping("/api/v1/queries/validate")
	@Operation(summary = "Check that a query parses", description = "200 {\"valid\": true}, or 400 with position and message")
	Map<String, Object> validate(@RequestBody ValidateRequest body) {
		access.current();
		queries.validate(body.query() == null ? "" : body.query());
		return Map.of("valid", true);
	}

	@PostMapping("/api/v1/queries/test")
	@Operation(summary = "Test a query against a text", description = "The text is enriched as an ingested item would be")
	Map<String, Object> test(@RequestBody TestRequest body) {
		access.current();
		Network network = body.network() == null || body.network().isBlank() ? Network.X
				: Network.fromId(body.network()).orElseThrow(() -> new IllegalArgumentException("Unknown network " + body.network()));
		return Map.of("matches", tester.matches(body.query() == null ? "" : body.query(),
				body.text() == null ? "" : body.text(), network));
	}

	@GetMapping("/api/v1/queries/{id}/matches")
	@Operation(summary = "The items a query matched, newest first")
	Map<String, Object> matches(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "50") int limit) {
		QueryId qid = QueryId.of(id);
		var list = queries.matches(access.current(), qid, offset, limit).stream()
			.map(m -> new MatchView(m.item().toString(), m.itemCreatedAt(), m.matchedAt(), m.source()))
			.toList();
		return Map.of("total", queries.matchCount(qid), "matches", list);
	}

	@GetMapping("/api/v1/queries/{id}/stats")
	@Operation(summary = "Volume per day, sentiment, top authors and hashtags over the archive")
	ArchiveStats stats(@PathVariable String id, @RequestParam(defaultValue = "30") int days,
			@RequestParam(defaultValue = "Europe/Paris") String zone) {
		return queries.stats(access.current(), QueryId.of(id), Math.min(Math.max(days, 1), 365), ZoneId.of(zone));
	}

	@GetMapping("/api/v1/queries/{id}/searches")
	@Operation(summary = "How the query is searched on each network")
	List<NetworkSearches.Translation> searches(@PathVariable String id) {
		return searches.translate(queries.get(access.current(), QueryId.of(id)).text());
	}

	@PostMapping("/api/v1/queries/{id}/backfill")
	@Operation(summary = "Record the query's matches over the archive", description = "Body {\"days\": 30}")
	Map<String, Object> backfill(@PathVariable String id, @RequestBody Map<String, Integer> body) {
		int days = Math.min(Math.max(body.getOrDefault("days", 30), 1), 365);
		long added = queries.backfill(access.current(), QueryId.of(id), clock.instant().minusSeconds(86_400L * days));
		return Map.of("added", added);
	}

	@ExceptionHandler(QuerySyntaxException.class)
	ResponseEntity<Map<String, Object>> syntax(QuerySyntaxException e) {
		return ResponseEntity.badRequest()
			.body(Map.of("status", 400, "position", e.position(), "code", e.code(), "message", e.getMessage()));
	}

	private QueryDraft draft(QueryRequest body) {
		if (body.show() == null || body.show().isBlank()) {
			throw new IllegalArgumentException("listen.show-unknown");
		}
		return new QueryDraft(ShowId.of(body.show()), body.name(), body.query(),
				body.enabled() == null || body.enabled(), body.appliesFrom());
	}

	private @Nullable Long backfill(QueryRequest body, ListeningQuery q) {
		if (body.backfillDays() == null || body.backfillDays() <= 0) {
			return null;
		}
		int days = Math.min(body.backfillDays(), 365);
		return queries.backfill(access.current(), q.id(), clock.instant().minusSeconds(86_400L * days));
	}
}
