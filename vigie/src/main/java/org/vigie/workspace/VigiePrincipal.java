package org.vigie.workspace;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.vigie.shared.UserId;

/** The signed-in user as Spring Security holds it, in the session or for one API request. */
public final class VigiePrincipal implements UserDetails, CredentialsContainer {

	private final UserId id;

	private final String email;

	private final Role role;

	private @Nullable String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	VigiePrincipal(UserId id, String email, Role role, @Nullable String passwordHash, boolean enabled, boolean locked) {
		this.id = id;
		this.email = email;
		this.role = role;
		this.passwordHash = passwordHash;
		this.enabled = enabled && passwordHash != null;
		this.locked = locked;
	}

	public UserId id() {
		return id;
	}

	public Role role() {
		return role;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return role.canWrite() ? List.of(new SimpleGrantedAuthority("ROLE_" + role.name()), new SimpleGrantedAuthority("WRITE"))
				: List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	/** Drops the hash once authentication is done, so it never sits in the session. */
	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof VigiePrincipal p && p.id.equals(id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	@Override
	public String toString() {
		return "VigiePrincipal[" + email + ", " + role + "]";
	}
}
