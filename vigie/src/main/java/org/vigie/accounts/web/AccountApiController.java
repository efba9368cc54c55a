package org.vigie.accounts.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vigie.web.Messages;
import org.vigie.workspace.Access;

/** {@code GET /api/v1/accounts}: the accounts the caller may see, with their health and polling. */
@RestController
class AccountApiController {

	private final Access access;

	private final AccountViews views;

	private final MessageSource messages;

	AccountApiController(Access access, AccountViews views, MessageSource messages) {
		this.access = access;
		this.views = views;
		this.messages = messages;
	}

	/**
	 * Each account: id, network, handle, show, {@code status} ({@code connected}, {@code paused} with
	 * {@code statusReason} in words, {@code disconnected}), token expiry, last and next poll, the
	 * latest polling error ({@code lastError}) and how many items it brought. The words are English
	 * unless {@code Accept-Language} asks for French; their message keys stay beside as
	 * {@code statusReasonCode} and {@code lastErrorCode} (null for words written before reasons had keys).
	 */
	@GetMapping("/api/v1/accounts")
	List<AccountView> accounts(HttpServletRequest request) {
		return views.visibleTo(access.current(), Messages.forApi(messages, request));
	}
}
