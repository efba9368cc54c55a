package org.vigie.listen;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.memory.MemoryIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.vigie.archive.Archive;
import org.vigie.archive.ArchivedItem;
import org.vigie.archive.ItemAnalysis;
import org.vigie.archive.ItemDocuments;
import org.vigie.archive.SearchQuery;
import org.vigie.ingest.Annotations;
import org.vigie.ingest.Author;
import org.vigie.ingest.IncomingItem;
import org.vigie.ingest.ItemStage;
import org.vigie.shared.ItemId;
import org.vigie.shared.ItemKind;
import org.vigie.shared.Network;
import org.vigie.workspace.Workspaces;

/**
 * Tests a query against a piece of text, the text first going through the same
 * {@link ItemStage}s as an ingested item (language, sentiment, entities…), so that
 * {@code lang:fr} or {@code sentiment:negative} answer as they would in production. Thread-safe.
 */
@Service
public class QueryTester {

	private static final Logger log = LoggerFactory.getLogger(QueryTester.class);

	private final ObjectProvider<ItemStage> stages;

	private final Archive archive;

	private final Workspaces workspaces;

	private final Clock clock;

	QueryTester(ObjectProvider<ItemStage> stages, Archive archive, Workspaces workspaces, Clock clock) {
		this.stages = stages;
		this.archive = archive;
		this.workspaces = workspaces;
		this.clock = clock;
	}

	/**
	 * True if {@code query} matches {@code text} posted on {@code network}.
	 * @throws org.vigie.archive.QuerySyntaxException if the query does not parse
	 */
	public boolean matches(String query, String text, Network network) {
		var lucene = archive.lucene(SearchQuery.parse(query));
		IncomingItem item = enrich(text, network);
		MemoryIndex index = MemoryIndex.fromDocument(ItemDocuments.forMatching(ArchivedItem.of(item)), ItemAnalysis.analyzer());
		return index.search(lucene) > 0;
	}

	/** The text as an ingested mention of {@code network} after every stage but listening. */
	IncomingItem enrich(String text, Network network) {
		IncomingItem item = new IncomingItem(ItemId.generate(), network, "test", ItemKind.MENTION, workspaces.current(),
				null, null, new Author(network, "test", "test", "Test", null, false, null, null), text, null,
				clock.instant(), null, null, false, false, null, Annotations.NONE);
		List<ItemStage> ordered = stages.orderedStream()
			.filter(s -> !(s instanceof ListeningStage))
			.sorted(Comparator.comparingInt(ItemStage::order))
			.toList();
		for (ItemStage stage : ordered) {
			try {
				item = stage.apply(item);
			}
			catch (RuntimeException e) {
				log.debug("Stage {} failed on a test text", stage.name(), e);
				item = item.withAnnotations(item.annotations().withError(stage.name(), String.valueOf(e.getMessage())));
			}
		}
		return item;
	}
}
