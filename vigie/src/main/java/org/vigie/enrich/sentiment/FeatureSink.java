package org.vigie.enrich.sentiment;

/** Receives the features of one text; a key may come several times, and its values then add up. */
@FunctionalInterface
interface FeatureSink {

	void add(long key, double value);
}
