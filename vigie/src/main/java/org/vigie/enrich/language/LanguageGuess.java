package org.vigie.enrich.language;

/**
 * What {@link LanguageDetector} decided for one text.
 *
 * @param code ISO 639-1 code ({@code fr}, {@code en}, {@code es}…), the ISO 639-3 code of the model
 *     where no two-letter code exists, or {@link #UNDETERMINED} when the text is too short or the
 *     detector is unsure
 * @param confidence the model's probability for that language, 0–1; 0 for {@link #UNDETERMINED}
 */
public record LanguageGuess(String code, double confidence) {

	/** The code for "we cannot tell" (ISO 639-2 {@code und}). */
	public static final String UNDETERMINED = "und";

	static final LanguageGuess UNSURE = new LanguageGuess(UNDETERMINED, 0);

	public LanguageGuess {
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("A language guess needs a code");
		}
	}

	public boolean determined() {
		return !UNDETERMINED.equals(code);
	}
}
