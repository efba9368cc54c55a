package org.vigie.connectors;

import java.util.Set;

import org.vigie.shared.Network;

/** Makes connectors for one network. One bean per network. Thread-safe. */
public interface ConnectorFactory {

	Network network();

	/** What this network lets Vigie do. */
	Set<Capability> capabilities();

	/** The feeds worth polling for an account of this network, given its capabilities. */
	Set<Feed.Kind> feeds();

	/**
	 * The API base used for an account that names none, e.g. {@code https://api.x.com}; empty when
	 * every account must name its server (Mastodon instances, feeds).
	 */
	default String defaultBaseUrl() {
		return "";
	}

	/**
	 * A connector acting as one account. Cheap; does no I/O.
	 * @throws IllegalArgumentException if the credentials lack something this network needs
	 */
	SocialConnector open(AccountCredentials credentials);
}
