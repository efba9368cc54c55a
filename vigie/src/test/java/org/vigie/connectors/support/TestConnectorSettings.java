package org.vigie.connectors.support;

import java.time.Duration;

import org.vigie.connectors.ConnectorSettings;

/** Connector settings for the authorizers' unit tests: one app id and secret for every network. */
public final class TestConnectorSettings {

	private TestConnectorSettings() {
	}

	public static ConnectorSettings with(String id, String secret) {
		return new ConnectorSettings(new ConnectorSettings.X(id, secret, "https://api.x.com"),
				new ConnectorSettings.Facebook(id, secret, "https://graph.facebook.com"),
				new ConnectorSettings.Google(id, secret, "https://youtube.googleapis.com"),
				new ConnectorSettings.Reddit(id, secret, "https://oauth.reddit.com", "vigie"),
				new ConnectorSettings.Mastodon("Vigie", "https://example.org"), Duration.ofSeconds(5), Duration.ofDays(3));
	}
}
