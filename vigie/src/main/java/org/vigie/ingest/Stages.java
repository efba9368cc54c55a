package org.vigie.ingest;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link ItemStage} bean on an item, in {@link ItemStage#order()}, each in isolation:
 * a stage that throws leaves its mark in {@link Annotations#errors()} and the item flows on.
 */
@Component
class Stages {

	private static final Logger log = LoggerFactory.getLogger(Stages.class);

	private final List<ItemStage> stages;

	@Autowired
	Stages(ObjectProvider<ItemStage> stages) {
		this(stages.orderedStream().toList());
	}

	private Stages(List<ItemStage> stages) {
		this.stages = stages.stream().sorted(Comparator.comparingInt(ItemStage::order)).toList();
	}

	static Stages of(List<ItemStage> stages) {
		return new Stages(stages);
	}

	IncomingItem apply(IncomingItem item) {
		IncomingItem current = item;
		for (ItemStage stage : stages) {
			current = applyOne(stage, current);
		}
		return current;
	}

	/**
	 * Runs the stages on a page of items, each stage on the whole page at once
	 * ({@link ItemStage#applyAll}); a stage that fails on the page is run again one item at a
	 * time, so that only the item it fails on carries the error. The i-th result belongs to the
	 * i-th item.
	 */
	List<IncomingItem> applyAll(List<IncomingItem> items) {
		List<IncomingItem> current = List.copyOf(items);
		if (current.isEmpty()) {
			return current;
		}
		for (ItemStage stage : stages) {
			try {
				List<IncomingItem> next = stage.applyAll(current);
				if (next.size() != current.size() || next.contains(null)) {
					throw new IllegalStateException("returned " + next.size() + " items for " + current.size());
				}
				current = List.copyOf(next);
			}
			catch (RuntimeException | StackOverflowError e) {
				log.debug("Stage {} failed on a page of {} items, applied one at a time: {}", stage.name(), current.size(),
						e.toString());
				current = current.stream().map(item -> applyOne(stage, item)).toList();
			}
		}
		return current;
	}

	private static IncomingItem applyOne(ItemStage stage, IncomingItem item) {
		try {
			IncomingItem next = stage.apply(item);
			if (next == null) {
				throw new IllegalStateException("returned nothing");
			}
			return next;
		}
		catch (RuntimeException | StackOverflowError e) {
			log.warn("Stage {} failed on {} {}: {}", stage.name(), item.network().id(), item.externalId(), e.toString());
			return item.withAnnotations(item.annotations().withError(stage.name(), String.valueOf(e.getMessage())));
		}
	}
}
