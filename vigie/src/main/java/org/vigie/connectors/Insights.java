package org.vigie.connectors;

import java.util.List;

/**
 * Reads the metrics of the account's own objects (the page or channel itself, a post, a media, a
 * video). A metric the network no longer serves, or refuses for this object, comes back as
 * {@link MetricValue#unavailable unavailable} with the reason: never as 0, and never failing the
 * other metrics of the same request.
 */
public interface Insights {

	/**
	 * The current values of {@code metrics} for one object.
	 * @param objectExternalId the network's id of the post, media, video, page or channel
	 * @param metrics the network's own metric names; empty means the connector's default set
	 * @return one value per metric asked (or per default metric), available or not; never null
	 * @throws ConnectorException when the request as a whole could not be made (token, rate limit, network down)
	 */
	List<MetricValue> metrics(String objectExternalId, List<String> metrics) throws ConnectorException;
}
