package org.vigie.web;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/** Turns an API bearer token into an authenticated principal. Implemented by the workspace module. */
public interface BearerAuthenticator {

	/**
	 * @param token the value after {@code Bearer } in the {@code Authorization} header
	 * @return the authentication, or empty if the token is unknown, revoked or its owner disabled
	 */
	Optional<Authentication> authenticate(String token);
}
