package org.vigie.enrich;

import java.util.Locale;

/** The mood of an item, in three classes as the public benchmarks (SemEval, UMSAB) score it. */
public enum Sentiment {

	NEGATIVE, NEUTRAL, POSITIVE;

	/** The lower-case name used in the API, the command line and the database, e.g. {@code negative}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}
}
