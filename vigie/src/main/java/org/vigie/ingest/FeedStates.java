package org.vigie.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.vigie.accounts.AccountActivity;
import org.vigie.connectors.Cursor;
import org.vigie.connectors.Feed;
import org.vigie.shared.AccountId;
import org.vigie.shared.Reason;

/**
 * The schedule and cursor of every (account, feed). The cursor is only ever written by
 * {@link #succeeded} inside the transaction that stores the items it produced.
 */
@Repository
class FeedStates implements AccountActivity {

	private final JdbcClient jdbc;

	FeedStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the feed to the schedule, due at {@code due}, unless it is there already. */
	void ensure(AccountId account, Feed feed, Instant due) {
		jdbc.sql("""
				INSERT INTO ingest_feeds (account_id, feed_key, feed_kind, feed_query, next_poll_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (account_id, feed_key) DO NOTHING""")
			.params(account.toString(), feed.key(), feed.kind().name(), feed.query(), due.toEpochMilli())
			.update();
	}

	/** Makes every feed of the account due at {@code due} (after a reconnect). */
	void dueNow(AccountId account, Instant due) {
		jdbc.sql("UPDATE ingest_feeds SET next_poll_at = ?, failures = 0 WHERE account_id = ?")
			.params(due.toEpochMilli(), account.toString())
			.update();
	}

	Cursor cursor(AccountId account, Feed feed) {
		return jdbc.sql("SELECT cursor_value FROM ingest_feeds WHERE account_id = ? AND feed_key = ?")
			.params(account.toString(), feed.key())
			.query(String.class)
			.optional()
			.map(Cursor::new)
			.orElse(Cursor.START);
	}

	/** Feeds of connected accounts due at {@code now}, most overdue first. */
	List<Due> due(Instant now, int limit) {
		return jdbc.sql("""
				SELECT f.account_id, f.feed_kind, f.feed_query FROM ingest_feeds f
				JOIN social_accounts a ON a.id = f.account_id
				WHERE f.next_poll_at <= ? AND a.status = 'CONNECTED' ORDER BY f.next_poll_at LIMIT ?""")
			.params(now.toEpochMilli(), limit)
			.query((rs, n) -> new Due(AccountId.of(rs.getString(1)),
					new Feed(Feed.Kind.valueOf(rs.getString(2)), rs.getString(3))))
			.list();
	}

	/** Stores the new cursor and the next poll; call inside the transaction that stored the items. */
	void succeeded(AccountId account, Feed feed, Cursor next, Instant now, Instant nextPoll, int newItems) {
		jdbc.sql("""
				UPDATE ingest_feeds SET cursor_value = ?, last_poll_at = ?, last_success_at = ?, next_poll_at = ?,
				failures = 0, last_error = NULL, items_stored = items_stored + ? WHERE account_id = ? AND feed_key = ?""")
			.params(next.value(), now.toEpochMilli(), now.toEpochMilli(), nextPoll.toEpochMilli(), newItems,
					account.toString(), feed.key())
			.update();
	}

	/** Records a failed poll, {@code error} {@link Reason#encode() encoded}; the cursor stays where it was. */
	void failed(AccountId account, Feed feed, Instant now, Instant nextPoll, int failures, Reason error) {
		jdbc.sql("""
				UPDATE ingest_feeds SET last_poll_at = ?, next_poll_at = ?, failures = ?, last_error = ?
				WHERE account_id = ? AND feed_key = ?""")
			.params(now.toEpochMilli(), nextPoll.toEpochMilli(), failures, error.encode(2000), account.toString(), feed.key())
			.update();
	}

	/** Moves the next poll without counting a failure (waiting for a rate-limit permit). */
	void deferTo(AccountId account, Feed feed, Instant nextPoll) {
		jdbc.sql("UPDATE ingest_feeds SET next_poll_at = ? WHERE account_id = ? AND feed_key = ?")
			.params(nextPoll.toEpochMilli(), account.toString(), feed.key())
			.update();
	}

	Optional<State> state(AccountId account, Feed feed) {
		return jdbc.sql("SELECT " + STATE + " FROM ingest_feeds WHERE account_id = ? AND feed_key = ?")
			.params(account.toString(), feed.key())
			.query((rs, n) -> state(rs))
			.optional();
	}

	List<State> states(AccountId account) {
		return jdbc.sql("SELECT " + STATE + " FROM ingest_feeds WHERE account_id = ? ORDER BY feed_key")
			.param(account.toString())
			.query((rs, n) -> state(rs))
			.list();
	}

	@Override
	public Optional<Activity> of(AccountId account) {
		List<State> states = states(account);
		if (states.isEmpty()) {
			return Optional.empty();
		}
		Instant last = states.stream().map(State::lastPoll).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
		Instant next = states.stream().map(State::nextPoll).min(Instant::compareTo).orElse(null);
		String error = states.stream().map(State::lastError).filter(Objects::nonNull).findFirst().orElse(null);
		long items = states.stream().mapToLong(State::itemsStored).sum();
		return Optional.of(new Activity(last, next, error, items));
	}

	private static final String STATE = "feed_key, cursor_value, next_poll_at, last_poll_at, last_success_at, failures, last_error, items_stored";

	private static State state(ResultSet rs) throws SQLException {
		return new State(rs.getString(1), new Cursor(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)),
				instant(rs.getObject(4)), instant(rs.getObject(5)), rs.getInt(6), rs.getString(7), rs.getLong(8));
	}

	private static @Nullable Instant instant(@Nullable Object millis) {
		return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
	}

	record Due(AccountId account, Feed feed) {
	}

	record State(String feedKey, Cursor cursor, Instant nextPoll, @Nullable Instant lastPoll,
			@Nullable Instant lastSuccess, int failures, @Nullable String lastError, long itemsStored) {
	}
}
