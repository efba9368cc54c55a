package org.vigie.ingest;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link ItemStage} bean on an item, in {@link ItemStage#order()}, each in isolation:
 * a stage that throws leaves its mark in {@link Annotations#errors()} and the item flows on.
 */
@Component
class Stages {

	private static final Logger log = LoggerFactory.getLogger(Stages.class);

	private final List<ItemStage> stages;

	@org.springframework.beans.factory.annotation.Autowired
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
			try {
				IncomingItem next = stage.apply(current);
				if (next == null) {
					throw new IllegalStateException("returned nothing");
				}
				current = next;
			}
			catch (RuntimeException | StackOverflowError e) {
				log.warn("Stage {} failed on {} {}: {}", stage.name(), item.network().id(), item.externalId(), e.toString());
				current = current.withAnnotations(current.annotations().withError(stage.name(), String.valueOf(e.getMessage())));
			}
		}
		return current;
	}
}
