package org.vigie.listen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.lucene.monitor.MonitorQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.vigie.archive.Archive;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.SearchQuery;
import org.vigie.shared.ShowId;

/**
 * The enabled listening queries as the ingestion threads see them: a {@link QueryMatcher} plus,
 * per query, its show and from when it applies. Loaded from the database on first use, kept in
 * step by {@link ListeningQueries}. Thread-safe.
 */
@Component
class LiveMatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveMatcher.class);

	private final QueryMatcher matcher;

	private final Map<String, Registered> registered = new ConcurrentHashMap<>();

	private final QueryStore store;

	private volatile boolean loaded;

	LiveMatcher(QueryStore store, Archive archive) {
		this.store = store;
		this.matcher = new QueryMatcher(archive::documentFrequency);
	}

	record Registered(ShowId show, Instant appliesFrom) {
	}

	/** The ids of enabled queries matching the item and applying to its creation time. */
	Set<String> match(ArchivedItem item) {
		ensureLoaded();
		return applying(item, matcher.match(item));
	}

	/** As {@link #match}, for a page of items at once; the i-th set belongs to the i-th item. */
	List<Set<String>> matchAll(List<ArchivedItem> items) {
		ensureLoaded();
		List<Set<String>> all = matcher.matchAll(items);
		List<Set<String>> out = new ArrayList<>(all.size());
		for (int i = 0; i < all.size(); i++) {
			out.add(applying(items.get(i), all.get(i)));
		}
		return out;
	}

	private Set<String> applying(ArchivedItem item, Set<String> ids) {
		if (ids.isEmpty()) {
			return ids;
		}
		Set<String> applying = new java.util.HashSet<>();
		for (String id : ids) {
			Registered r = registered.get(id);
			if (r != null && !item.createdAt().isBefore(r.appliesFrom())) {
				applying.add(id);
			}
		}
		return applying;
	}

	Optional<ShowId> showOf(String queryId) {
		Registered r = registered.get(queryId);
		return r == null ? Optional.empty() : Optional.of(r.show());
	}

	int size() {
		ensureLoaded();
		return registered.size();
	}

	/** Registers (or replaces) the query, or removes it when disabled. */
	void update(ListeningQuery query, Function<String, Optional<String>> shows) {
		ensureLoaded();
		put(query, shows);
	}

	void remove(QueryId id) {
		registered.remove(id.toString());
		matcher.remove(id.toString());
	}

	private void put(ListeningQuery query, Function<String, Optional<String>> shows) {
		if (!query.enabled()) {
			remove(query.id());
			return;
		}
		var lucene = SearchQuery.parse(query.text()).toLucene(shows);
		matcher.put(query.id().toString(), lucene);
		registered.put(query.id().toString(), new Registered(query.show(), query.appliesFrom()));
	}

	private void ensureLoaded() {
		if (loaded) {
			return;
		}
		synchronized (this) {
			if (loaded) {
				return;
			}
			var shows = store.showResolver();
			List<MonitorQuery> batch = new ArrayList<>();
			for (ListeningQuery q : store.all()) {
				if (!q.enabled()) {
					continue;
				}
				try {
					batch.add(new MonitorQuery(q.id().toString(), SearchQuery.parse(q.text()).toLucene(shows)));
					registered.put(q.id().toString(), new Registered(q.show(), q.appliesFrom()));
				}
				catch (IllegalArgumentException e) {
					log.warn("Listening query {} ({}) no longer compiles and is skipped: {}", q.id(), q.name(), e.getMessage());
				}
			}
			matcher.put(batch);
			loaded = true;
			log.info("Listening: {} queries loaded into the matcher", batch.size());
		}
	}

	@Override
	public void destroy() throws Exception {
		matcher.close();
	}
}
