package org.vigie.listen;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.vigie.ingest.IncomingItem;
import org.vigie.ingest.ItemsIngested;

/**
 * Stores the matches the {@link ListeningStage} found, once the items are committed: one
 * {@code item_matches} row per (item, query). Replays are harmless ({@code ON CONFLICT DO NOTHING}).
 */
@Component
class MatchRecorder {

	private static final Logger log = LoggerFactory.getLogger(MatchRecorder.class);

	private final JdbcClient jdbc;

	private final LiveMatcher matcher;

	private final Clock clock;

	MatchRecorder(JdbcClient jdbc, LiveMatcher matcher, Clock clock) {
		this.jdbc = jdbc;
		this.matcher = matcher;
		this.clock = clock;
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(ItemsIngested event) {
		List<Object[]> rows = new ArrayList<>();
		long now = clock.millis();
		for (IncomingItem item : event.items()) {
			for (String query : item.annotations().matchedQueries()) {
				String show = matcher.showOf(query).map(Object::toString).orElse(null);
				rows.add(new Object[] { item.id().toString(), query, show, item.createdAt().toEpochMilli(), now });
			}
		}
		for (Object[] row : rows) {
			try {
				jdbc.sql("""
						INSERT INTO item_matches (item_id, query_id, show_id, item_created_at, matched_at, source)
						VALUES (?, ?, ?, ?, ?, 'live') ON CONFLICT (item_id, query_id) DO NOTHING""")
					.params(row)
					.update();
			}
			catch (RuntimeException e) {
				log.warn("Could not store the match of item {} by query {}", row[0], row[1], e);
			}
		}
	}
}
