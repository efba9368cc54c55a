package org.vigie.connectors.rss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.vigie.accounts.SocialAccount;
import org.vigie.connectors.Feed;
import org.vigie.ingest.ConnectorContractIT;
import org.vigie.shared.Network;
import org.vigie.simulator.SimAuth;
import org.vigie.simulator.SimPost;
import org.vigie.simulator.SimUser;
import org.vigie.simulator.rss.FeedFake;

/**
 * An RSS 2.0 feed passes the connector contract against the simulator's forum feeds: a private feed
 * (its address carries a key the simulator issued, so revoking the key is the 401), paged by RFC 5005
 * {@code atom:link rel="next"} documents, read with conditional GETs. Entries are posts about a show
 * named after the account; their ids are the feed's address and the item's {@code guid}.
 */
class RssConnectorContractIT extends ConnectorContractIT {

	private final Map<String, String> simIds = new ConcurrentHashMap<>();

	private SimUser me;

	private SimUser fan;

	/** The feed's address without its key: the account's external id, and what guids are made absolute against. */
	protected String publicUrl;

	@Override
	protected Network network() {
		return Network.RSS;
	}

	@Override
	protected Feed feed() {
		return Feed.of(Feed.Kind.MENTIONS);
	}

	@Override
	protected int pageSize() {
		return FeedFake.PAGE;
	}

	/** The document format: {@code xml} for RSS 2.0, {@code atom} for Atom 1.0. */
	protected String extension() {
		return "xml";
	}

	/** The external id the connector gives the entry of {@code post}. */
	protected String externalId(SimPost post) {
		return publicUrl + "#sim-forum-" + post.id();
	}

	@Override
	protected SocialAccount connect(String handle) {
		me = simUser(handle, "Forum " + handle, true);
		fan = simUser("fan_of_" + handle, "Fan", false);
		SimAuth.Issued key = tokens(me, null, false);
		publicUrl = simulator.baseUrl(Network.RSS) + "/feeds/" + handle + "." + extension();
		return connectAs(me, publicUrl, Map.of(RssConnector.FEED_URL_SECRET, publicUrl + "?key=" + key.accessToken()), null);
	}

	@Override
	protected List<String> write(int count) {
		List<String> ids = new ArrayList<>();
		for (SimPost post : mentions(fan, me, count, "<b>sujet</b> & fil 🎬", me.handle())) {
			String id = externalId(post);
			simIds.put(id, post.id());
			ids.add(id);
		}
		return ids;
	}

	@Override
	protected void breakItem(String externalId) {
		simulator.world().breakPost(Network.RSS, simIds.get(externalId));
	}

	@Override
	protected void revoke() {
		simulator.auth().revokeAll(Network.RSS, me.id());
	}
}
