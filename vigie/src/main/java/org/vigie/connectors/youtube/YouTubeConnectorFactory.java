package org.vigie.connectors.youtube;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.vigie.connectors.AccountCredentials;
import org.vigie.connectors.Capability;
import org.vigie.connectors.ConnectorFactory;
import org.vigie.connectors.Feed;
import org.vigie.connectors.QuotaMeter;
import org.vigie.connectors.SocialConnector;
import org.vigie.connectors.support.JsonHttp;
import org.vigie.connectors.support.OAuthTokens;
import org.vigie.shared.Network;

/**
 * YouTube. Credentials: {@code externalId} is the channel id; secrets {@code access_token},
 * {@code refresh_token}, {@code client_id}, {@code client_secret} (Google OAuth, offline access).
 * The token endpoint is Google's for the real API and {@code <baseUrl>/token} for the simulator.
 */
@Component
class YouTubeConnectorFactory implements ConnectorFactory {

	static final String GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

	private final Clock clock;

	private final JsonHttp http;

	private final QuotaMeter meter;

	@Autowired
	YouTubeConnectorFactory(Clock clock, ObjectProvider<QuotaMeter> meter) {
		this(clock, JsonHttp.defaultClient(), meter.getIfAvailable(QuotaMeter::inMemory));
	}

	YouTubeConnectorFactory(Clock clock, HttpClient client, QuotaMeter meter) {
		this.clock = clock;
		this.http = new JsonHttp(client, "Vigie/0.1 (self-hosted community manager workbench)");
		this.meter = meter;
	}

	@Override
	public Network network() {
		return Network.YOUTUBE;
	}

	@Override
	public Set<Capability> capabilities() {
		return EnumSet.of(Capability.READ_COMMENTS, Capability.READ_METRICS, Capability.SEARCH, Capability.REPLY,
				Capability.HIDE, Capability.DELETE);
	}

	@Override
	public String defaultBaseUrl() {
		return "https://youtube.googleapis.com";
	}

	@Override
	public Set<Feed.Kind> feeds() {
		return EnumSet.of(Feed.Kind.COMMENTS);
	}

	@Override
	public SocialConnector open(AccountCredentials credentials) {
		String channelId = credentials.externalId();
		if (channelId == null || channelId.isBlank()) {
			throw new IllegalArgumentException("A YouTube account needs its channel id");
		}
		if (credentials.secret("access_token").isBlank()) {
			throw new IllegalArgumentException("A YouTube account needs an access token");
		}
		String base = credentials.baseUrl();
		URI tokenUrl = URI.create(base.contains("googleapis.com") ? GOOGLE_TOKEN_URL
				: (base.endsWith("/") ? base : base + "/") + "token");
		OAuthTokens tokens = new OAuthTokens(http, tokenUrl, false, credentials, clock);
		YouTubeClient client = new YouTubeClient(http, base, tokens, new YouTubeQuota(meter, clock), clock);
		return new YouTubeConnector(client, tokens, channelId, clock);
	}
}
