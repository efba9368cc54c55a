package org.vigie.workspace;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who is asking, for the web and API layers of every module: the {@link Actor} of the current
 * request, read fresh from the database so that a role or show change applies at once.
 */
@Service
public class Access {

	private final UserRepository users;

	Access(UserRepository users) {
		this.users = users;
	}

	/**
	 * The actor of the current request.
	 * @throws AuthenticationCredentialsNotFoundException if nobody is signed in
	 */
	public Actor current() {
		return currentIfAny().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
	}

	/** The actor of the current request, or empty for an anonymous one. */
	public Optional<Actor> currentIfAny() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof VigiePrincipal principal)) {
			return Optional.empty();
		}
		return users.findById(principal.id()).map(u -> new Actor(u.id(), u.email(), u.role(), u.shows()));
	}

	/** The full user record of the current request, if signed in. */
	public Optional<User> currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof VigiePrincipal principal)) {
			return Optional.empty();
		}
		return users.findById(principal.id());
	}
}
