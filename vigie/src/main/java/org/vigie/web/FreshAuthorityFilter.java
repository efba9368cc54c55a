package org.vigie.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in user on every request, so that an admin's change applies at once: a
 * demoted user loses write access on their next click, a disabled or deleted one is signed out.
 */
class FreshAuthorityFilter extends OncePerRequestFilter {

	private final UserDetailsService users;

	FreshAuthorityFilter(UserDetailsService users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof UserDetails current) {
			try {
				UserDetails fresh = users.loadUserByUsername(current.getUsername());
				if (!fresh.isEnabled() || !fresh.isAccountNonLocked()) {
					SecurityContextHolder.clearContext();
					if (request.getSession(false) != null) {
						request.getSession(false).invalidate();
					}
				}
				else if (!fresh.getAuthorities().equals(current.getAuthorities())) {
					var renewed = UsernamePasswordAuthenticationToken.authenticated(current, null, fresh.getAuthorities());
					SecurityContextHolder.getContext().setAuthentication(renewed);
				}
			}
			catch (UsernameNotFoundException e) {
				SecurityContextHolder.clearContext();
			}
		}
		chain.doFilter(request, response);
	}
}
