package org.vigie.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users for form login and the token endpoint, and throttles password guessing: after
 * {@link TeamSettings#maxFailedLogins()} failures in a row the account is locked for
 * {@link TeamSettings#lockout()}, doubling with each further failure up to an hour.
 */
@Service
class VigieUserDetailsService implements UserDetailsService {

	private static final Logger log = LoggerFactory.getLogger(VigieUserDetailsService.class);

	private static final Duration MAX_LOCK = Duration.ofHours(1);

	private final UserRepository users;

	private final TeamSettings settings;

	private final Clock clock;

	VigieUserDetailsService(UserRepository users, TeamSettings settings, Clock clock) {
		this.users = users;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		var credentials = users.credentials(email).orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
		User user = users.findById(credentials.id()).orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
		boolean locked = credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(clock.instant());
		return new VigiePrincipal(user.id(), user.email(), user.role(), credentials.passwordHash(), credentials.enabled(),
				locked);
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String email = String.valueOf(event.getAuthentication().getPrincipal());
		users.credentials(email).ifPresent(c -> {
			int failures = c.failedLogins() + 1;
			Instant lockedUntil = null;
			if (failures >= settings.maxFailedLogins()) {
				int extra = Math.min(failures - settings.maxFailedLogins(), 10);
				Duration lock = settings.lockout().multipliedBy(1L << extra);
				lockedUntil = clock.instant().plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
				log.warn("Sign-in locked for {} until {} after {} failed attempts", UserRepository.normalise(email),
						lockedUntil, failures);
			}
			users.recordFailure(c.id(), failures, lockedUntil);
		});
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof VigiePrincipal p) {
			users.clearFailures(p.id());
		}
	}
}
