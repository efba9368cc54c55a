package org.vigie.inbox;

/** Where one of our replies stands. */
public enum ReplyState {
	/** Handed to the connector; no answer yet. */
	SENDING,
	/** The network accepted it; it has an external id. */
	SENT,
	/** The network refused it or could not be reached; the reason says why, and it can be retried. */
	FAILED
}
