package org.vigie.connectors;

/** What a connector can do on its network. Networks differ; the UI disables what a network does not allow and says why. */
public enum Capability {
	READ_NOTIFICATIONS, READ_MENTIONS, READ_COMMENTS, READ_MESSAGES, READ_OWN_POSTS, READ_METRICS, SEARCH,
	PUBLISH, REPLY, LIKE, HIDE, DELETE, WEBHOOKS
}
