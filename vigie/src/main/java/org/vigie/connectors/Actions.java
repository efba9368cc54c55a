package org.vigie.connectors;

/**
 * What the community manager can do to an item from the inbox, through the network. A method a
 * network does not allow throws {@link ConnectorException.Rejected} with the reason in words;
 * {@link ConnectorFactory#capabilities()} tells beforehand.
 */
public interface Actions {

	/**
	 * Replies to the item {@code inReplyTo}.
	 * @param idempotencyKey stable across retries of the same reply, so it is not posted twice
	 * @return the network's id of the reply
	 */
	String reply(String inReplyTo, String text, String idempotencyKey) throws ConnectorException;

	void like(String externalId) throws ConnectorException;

	/** Hides a comment from the public (Facebook, Instagram, YouTube…) without deleting it. */
	void hide(String externalId, boolean hidden) throws ConnectorException;

	void delete(String externalId) throws ConnectorException;
}
