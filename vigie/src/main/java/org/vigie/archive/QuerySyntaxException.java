package org.vigie.archive;

/**
 * A listening query that does not parse: where, and what was expected there.
 * {@link #code()} names the problem for translation ({@code listen.syntax.<code>} in the UI);
 * {@link #getMessage()} says it in English.
 */
public class QuerySyntaxException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final int position;

	private final String code;

	private final String detail;

	QuerySyntaxException(int position, String code, String detail, String message) {
		super("At " + position + ": " + message);
		this.position = position;
		this.code = code;
		this.detail = detail;
	}

	/** 0-based character offset in the query where the problem is. */
	public int position() {
		return position;
	}

	/** A short stable name of the problem, e.g. {@code close-paren}, {@code unknown-field}. */
	public String code() {
		return code;
	}

	/** The offending text or the expected values, for the translated message; may be empty. */
	public String detail() {
		return detail;
	}
}
