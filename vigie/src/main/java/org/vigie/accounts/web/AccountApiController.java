package org.vigie.accounts.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.workspace.Access;

/** {@code GET /api/v1/accounts}: the accounts the caller may see, with their health and polling. */
@RestController
class AccountApiController {

	private final Access access;

	private final AccountViews views;

	AccountApiController(Access access, AccountViews views) {
		this.access = access;
		this.views = views;
	}

	/**
	 * Each account: id, network, handle, show, {@code status} ({@code connected}, {@code paused} with
	 * {@code statusReason} in words, {@code disconnected}), token expiry, last and next poll, the
	 * latest polling error and how many items it brought.
	 */
	@GetMapping("/api/v1/accounts")
	List<AccountView> accounts() {
		return views.visibleTo(access.current());
	}
}
