package org.vigie.ingest;

import java.util.List;

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

	/**
	 * The stage applied to a page of items (what one poll or push brought); the i-th result belongs
	 * to the i-th item, and there are as many. By default {@link #apply} on each; a stage that is
	 * cheaper per item on a batch (listening matches a page in one Monitor pass) overrides it. If
	 * this throws, the pipeline applies the stage one item at a time instead.
	 */
	default List<IncomingItem> applyAll(List<IncomingItem> items) {
		return items.stream().map(this::apply).toList();
	}
}
