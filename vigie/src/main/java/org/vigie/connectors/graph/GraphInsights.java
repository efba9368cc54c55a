package org.vigie.connectors.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.vigie.connectors.ConnectorException;
import org.vigie.connectors.MetricValue;
import org.vigie.connectors.support.JsonHttp;

/**
 * Reads {@code /{object}/insights?metric=a,b,c} so that one retired or invalid metric never
 * breaks the others. Graph refuses the whole request (error #100) when one name in the list is
 * not valid any more (e.g. the impressions metrics removed in 2025); the metrics are then asked
 * one by one, and the one refused is reported unavailable with Graph's own words. A metric Graph
 * simply leaves out of its answer is unavailable too: never 0.
 */
public final class GraphInsights {

	private GraphInsights() {
	}

	/**
	 * @param extra more query parameters, e.g. {@code period=day}
	 * @throws ConnectorException for a failure of the request as a whole (token, throttling, network)
	 */
	public static List<MetricValue> read(GraphClient graph, String objectId, List<String> metrics,
			Map<String, String> extra) throws ConnectorException {
		try {
			return values(fetch(graph, objectId, metrics, extra), metrics);
		}
		catch (ConnectorException.Rejected whole) {
			if (metrics.size() == 1) {
				return List.of(MetricValue.unavailable(metrics.get(0), whole.getMessage()));
			}
		}
		List<MetricValue> out = new ArrayList<>();
		for (String metric : metrics) {
			try {
				out.addAll(values(fetch(graph, objectId, List.of(metric), extra), List.of(metric)));
			}
			catch (ConnectorException.Rejected one) {
				out.add(MetricValue.unavailable(metric, one.getMessage()));
			}
		}
		return out;
	}

	private static JsonNode fetch(GraphClient graph, String objectId, List<String> metrics, Map<String, String> extra)
			throws ConnectorException {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("metric", String.join(",", metrics));
		params.putAll(extra);
		return graph.get("/" + objectId + "/insights", params);
	}

	/** Maps {@code data[]}; the newest value of each metric; a breakdown becomes one value per key. */
	static List<MetricValue> values(JsonNode body, List<String> asked) {
		Map<String, List<MetricValue>> byName = new LinkedHashMap<>();
		for (JsonNode metric : body.path("data")) {
			String name = JsonHttp.text(metric, "name", "");
			List<MetricValue> found = new ArrayList<>();
			JsonNode values = metric.path("values");
			JsonNode value = values.isArray() && !values.isEmpty() ? values.get(values.size() - 1).path("value")
					: metric.path("total_value").path("value");
			if (value.isNumber()) {
				found.add(MetricValue.of(name, value.longValue()));
			}
			else if (value.isObject()) {
				long total = 0;
				for (Map.Entry<String, JsonNode> e : value.properties()) {
					found.add(MetricValue.of(name + "." + e.getKey(), e.getValue().asLong(0)));
					total += e.getValue().asLong(0);
				}
				found.add(0, MetricValue.of(name, total));
			}
			else {
				found.add(MetricValue.unavailable(name, "Meta returned no value"));
			}
			byName.put(name, found);
		}
		List<MetricValue> out = new ArrayList<>();
		for (String name : asked) {
			out.addAll(byName.getOrDefault(name,
					List.of(MetricValue.unavailable(name, "Meta did not return this metric (retired or not available for this object)"))));
		}
		return out;
	}
}
