package org.vigie.connectors;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Network apps and HTTP behaviour of the connectors ({@code vigie.connectors.*}). Secrets come
 * from the environment ({@code VIGIE_X_CLIENT_ID}…), never from properties files.
 *
 * @param x the X (Twitter) app: client id (and secret for a confidential client) and API base
 * @param mastodon how Vigie names itself when it registers on an instance
 * @param timeout connect and read timeout of every network call
 * @param backfill how far back the first poll of an account reads (X search allows 7 days at most)
 */
@ConfigurationProperties("vigie.connectors")
public record ConnectorSettings(@DefaultValue X x, @DefaultValue Mastodon mastodon,
		@DefaultValue("20s") Duration timeout, @DefaultValue("3d") Duration backfill) {

	/** True when a real network app is configured (then the demo does not start by default). */
	public boolean hasRealCredentials() {
		return !x.clientId().isBlank();
	}

	/**
	 * @param clientId the OAuth 2.0 client id of Vigie's X app; blank means none (the demo uses the simulator's)
	 * @param clientSecret set only for a confidential client
	 * @param apiBase where the API is
	 */
	public record X(@DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
			@DefaultValue("https://api.x.com") String apiBase) {
	}

	/**
	 * @param appName the client name shown to people on the instance
	 * @param website the address shown with it
	 */
	public record Mastodon(@DefaultValue("Vigie") String appName,
			@DefaultValue("https://github.com/vigie") String website) {
	}
}
