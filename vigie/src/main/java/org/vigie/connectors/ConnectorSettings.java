package org.vigie.connectors;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Network apps and HTTP behaviour of the connectors ({@code vigie.connectors.*}). Secrets come
 * from the environment ({@code VIGIE_X_CLIENT_ID}…), never from properties files.
 *
 * @param x the X (Twitter) app: client id (and secret for a confidential client) and API base
 * @param facebook the Meta app of Facebook Login (Pages and their Instagram business accounts)
 * @param google the Google OAuth client for YouTube
 * @param reddit the Reddit app (a "web app" with a secret) and the User-Agent Reddit requires
 * @param mastodon how Vigie names itself when it registers on an instance
 * @param timeout connect and read timeout of every network call
 * @param backfill how far back the first poll of an account reads (X search allows 7 days at most)
 */
@ConfigurationProperties("vigie.connectors")
public record ConnectorSettings(@DefaultValue X x, @DefaultValue Facebook facebook, @DefaultValue Google google,
		@DefaultValue Reddit reddit, @DefaultValue Mastodon mastodon,
		@DefaultValue("20s") Duration timeout, @DefaultValue("3d") Duration backfill) {

	/** True when a real network app is configured (then the demo does not start by default). */
	public boolean hasRealCredentials() {
		return !x.clientId().isBlank() || !facebook.appId().isBlank() || !google.clientId().isBlank()
				|| !reddit.clientId().isBlank();
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
	 * @param appId the Meta app id ({@code VIGIE_FACEBOOK_APP_ID}); blank means none (the demo uses the simulator's)
	 * @param appSecret the Meta app secret ({@code VIGIE_FACEBOOK_APP_SECRET}), for the code and token exchanges
	 * @param apiBase where the Graph API is
	 */
	public record Facebook(@DefaultValue("") String appId, @DefaultValue("") String appSecret,
			@DefaultValue("https://graph.facebook.com") String apiBase) {
	}

	/**
	 * @param clientId the Google OAuth client id ({@code VIGIE_GOOGLE_CLIENT_ID}); blank means none
	 * @param clientSecret its secret ({@code VIGIE_GOOGLE_CLIENT_SECRET})
	 * @param apiBase where the YouTube Data API is
	 */
	public record Google(@DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
			@DefaultValue("https://youtube.googleapis.com") String apiBase) {
	}

	/**
	 * @param clientId the Reddit app id ({@code VIGIE_REDDIT_CLIENT_ID}); blank means none
	 * @param clientSecret its secret ({@code VIGIE_REDDIT_CLIENT_SECRET}), sent as HTTP Basic
	 * @param apiBase where the OAuth API is
	 * @param username the Reddit user who registered the app, named in the User-Agent ({@code VIGIE_REDDIT_USERNAME})
	 */
	public record Reddit(@DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
			@DefaultValue("https://oauth.reddit.com") String apiBase, @DefaultValue("vigie") String username) {
	}

	/**
	 * @param appName the client name shown to people on the instance
	 * @param website the address shown with it
	 */
	public record Mastodon(@DefaultValue("Vigie") String appName,
			@DefaultValue("https://github.com/vigie") String website) {
	}
}
