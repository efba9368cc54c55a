package org.vigie.accounts;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.vigie.shared.AccountId;

/**
 * How an account is being polled, as ingestion knows it. Implemented by the ingest module, so
 * that Settings › Accounts and the API can show it without depending on ingestion.
 */
public interface AccountActivity {

	/** The polling state of the account; empty when it was never scheduled. */
	Optional<Activity> of(AccountId account);

	/**
	 * @param lastPoll when a poll of any of its feeds last ran
	 * @param nextPoll when the next poll of any of its feeds is due
	 * @param lastError the latest failure in words, null when the last polls succeeded
	 * @param itemsStored how many new items its feeds stored, all time
	 */
	record Activity(@Nullable Instant lastPoll, @Nullable Instant nextPoll, @Nullable String lastError,
			long itemsStored) {
	}
}
