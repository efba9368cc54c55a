package org.vigie.workspace;

/** The one rule for chosen passwords: long enough. Length beats composition rules (NIST SP 800-63B). */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 200;

	private PasswordPolicy() {
	}

	/** @throws IllegalArgumentException with a message key when the password is unacceptable */
	static void check(String password) {
		if (password.length() < MIN_LENGTH) {
			throw new IllegalArgumentException("password.too-short");
		}
		if (password.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("password.too-long");
		}
	}
}
