package org.vigie.accounts;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pauses, every few minutes, the accounts whose token expired and cannot be renewed, so that an
 * expiry is never silent: the account shows as paused with the reason and a reconnect button.
 */
@Component
class TokenExpiryWatch {

	private final Accounts accounts;

	TokenExpiryWatch(Accounts accounts) {
		this.accounts = accounts;
	}

	@Scheduled(fixedDelayString = "${vigie.accounts.expiry-check:10m}", initialDelayString = "${vigie.accounts.expiry-check:10m}")
	void check() {
		accounts.pauseExpired();
	}
}
