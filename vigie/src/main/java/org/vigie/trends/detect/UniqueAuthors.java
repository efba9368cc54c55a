package org.vigie.trends.detect;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct authors in a bucket, counted with an Apache DataSketches HyperLogLog sketch: constant
 * memory (about 1 KiB at the default precision) and about 3 % relative error, however many items
 * a bucket holds. Sketches of consecutive buckets {@link #merge(UniqueAuthors) merge} into a
 * window. Not thread-safe.
 */
public final class UniqueAuthors {

	private static final int LG_K = 10;

	private final HllSketch sketch;

	public UniqueAuthors() {
		this.sketch = new HllSketch(LG_K, TgtHllType.HLL_4);
	}

	private UniqueAuthors(HllSketch sketch) {
		this.sketch = sketch;
	}

	/** Counts one item by {@code author} (any stable key: network and the network's author id). */
	public void add(String author) {
		sketch.update(author);
	}

	/** About how many distinct authors were added; 0 when none. */
	public double estimate() {
		return sketch.isEmpty() ? 0 : sketch.getEstimate();
	}

	/** A new count of the authors of both. */
	public UniqueAuthors merge(UniqueAuthors other) {
		Union union = new Union(LG_K);
		union.update(sketch);
		union.update(other.sketch);
		return new UniqueAuthors(union.getResult(TgtHllType.HLL_4));
	}

	/** The compact serialised form, to store a bucket's count. */
	public byte[] toBytes() {
		return sketch.toCompactByteArray();
	}

	/** Reads what {@link #toBytes()} wrote. */
	public static UniqueAuthors fromBytes(byte[] bytes) {
		return new UniqueAuthors(HllSketch.heapify(bytes));
	}
}
