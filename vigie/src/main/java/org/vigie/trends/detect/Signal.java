package org.vigie.trends.detect;

/** What one step of a detector means for the event it tracks. */
public enum Signal {
	/** Nothing is going on. */
	QUIET,
	/** A new event starts at this step: the one moment an alert is raised. */
	OPENED,
	/** The open event goes on; its alert is updated, never repeated. */
	CONTINUED,
	/** The open event has been calm for the cool-down and is over. */
	CLOSED
}
