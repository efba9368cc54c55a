package org.vigie.connectors.graph;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One page of a Graph edge.
 *
 * @param data the objects, in the order the network sent them
 * @param after the cursor of the next page; null on the last page
 */
public record GraphPage(List<JsonNode> data, @Nullable String after) {

	public GraphPage {
		data = List.copyOf(data);
	}
}
