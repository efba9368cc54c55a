package org.vigie.accounts;

/** The health of a connected account. */
public enum AccountStatus {

	/** Polled normally. */
	CONNECTED,
	/** Not polled until someone acts: the token expired or was revoked, or a person paused it. */
	PAUSED,
	/** Removed by a person; kept for the history of its items. */
	DISCONNECTED
}
