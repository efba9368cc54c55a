package org.vigie.connectors.rss;

import org.vigie.simulator.SimPost;

/**
 * An Atom 1.0 feed passes the connector contract the same way as {@link RssConnectorContractIT},
 * paged by {@code <link rel="next">}; its entries carry their own URI ids.
 */
class AtomConnectorContractIT extends RssConnectorContractIT {

	@Override
	protected String extension() {
		return "atom";
	}

	@Override
	protected String externalId(SimPost post) {
		return "urn:vigie-sim:forum:" + post.id();
	}
}
