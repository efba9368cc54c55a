package org.vigie.workspace;

import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.vigie.web.BearerAuthenticator;
import org.vigie.web.Viewer;
import org.vigie.web.ViewerSource;

/**
 * Tells the web shell who is signed in (read once per request, fresh from the database, so that a
 * role change or a disabled account applies at once) and authenticates API bearer tokens.
 */
@Component
class ShellBridge implements ViewerSource, BearerAuthenticator {

	private static final String CACHE = ShellBridge.class.getName() + ".viewer";

	private final UserRepository users;

	private final ApiTokens tokens;

	ShellBridge(UserRepository users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Optional<Viewer> current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Optional<?> cached) {
			return (Optional<Viewer>) cached;
		}
		Optional<Viewer> viewer = lookup();
		if (request != null) {
			request.setAttribute(CACHE, viewer, RequestAttributes.SCOPE_REQUEST);
		}
		return viewer;
	}

	private Optional<Viewer> lookup() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof VigiePrincipal principal)) {
			return Optional.empty();
		}
		return users.findById(principal.id())
			.map(u -> new Viewer(u.id().toString(), u.displayName(), u.email(), u.role().messageKey(), u.locale(),
					u.role().managesTeam(), u.role().managesShows(), u.role().canWrite()));
	}

	@Override
	public Optional<Authentication> authenticate(String token) {
		return tokens.authenticate(token)
			.flatMap(users::findById)
			.filter(User::active)
			.map(u -> {
				VigiePrincipal principal = new VigiePrincipal(u.id(), u.email(), u.role(), "", true, false);
				return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
			});
	}
}
