package org.vigie.ingest;

/**
 * One step every incoming item goes through before it is stored: enrichment (language, sentiment,
 * entities, spam, priority), listening (which queries match)… Contributed as beans by other
 * modules and applied in {@link #order()}.
 *
 * <p>Called from the ingestion threads, concurrently: implementations must be thread-safe. A stage
 * that throws for an item does not stop the pipeline: the item flows on without that stage's
 * contribution and the failure is recorded on it ({@link Annotations#errors()}).
 */
public interface ItemStage {

	/** Where this stage runs: smaller first. Enrichment is 100, listening 200. */
	int order();

	/** A short name for logs and recorded errors, e.g. {@code enrich}. */
	String name();

	/**
	 * Returns the item with this stage's contribution, typically
	 * {@code item.withAnnotations(item.annotations().with…(…))}. Never null.
	 */
	IncomingItem apply(IncomingItem item);
}
