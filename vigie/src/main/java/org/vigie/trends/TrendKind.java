package org.vigie.trends;

/** What a trend is about. */
public enum TrendKind {
	/** Many more items than the baseline expects. */
	VOLUME,
	/** Terms or hashtags used by unusually many authors. */
	TERMS,
	/** The share of negative items jumping. */
	SENTIMENT;

	/** The message key of its name. */
	public String messageKey() {
		return "trends.kind." + name().toLowerCase(java.util.Locale.ROOT);
	}
}
