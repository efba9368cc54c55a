package org.vigie.accounts;

import org.vigie.shared.AccountId;

/**
 * An account was connected, reconnected or resumed: ingestion backfills its recent history and
 * polls it again. Published inside the transaction that stored it.
 */
public record AccountConnected(AccountId account) {
}
