package org.vigie.web;

/** Thrown by a controller when what the URL names does not exist, or the user may not know it exists: a 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String messageKey) {
		super(messageKey);
	}
}
