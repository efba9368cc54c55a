package org.vigie.archive;

/**
 * The fields of an item in the archive and in the listening matcher. Keyword fields hold values
 * normalised by {@link ItemAnalysis#keyword(String)}.
 */
public final class ItemFields {

	/** The item's id (stored, unique). */
	public static final String ID = "id";

	/** The text, folded and reduced ({@link ItemAnalysis}). */
	public static final String TEXT = "text";

	/**
	 * Every prefix (2 to {@link ItemAnalysis#MAX_PREFIX} characters) of every folded word, at the
	 * word's position, so that {@code emission*} is one term: cheap to match and never a query
	 * that the matcher must try on every item.
	 */
	public static final String TEXT_PREFIX = "text_prefix";

	/** The text exactly as written, for {@code raw:"…"}. */
	public static final String TEXT_RAW = "text_raw";

	/** ISO 639-1 language, {@code und} when unknown. */
	public static final String LANG = "lang";

	/** {@link org.vigie.shared.Network#id()}. */
	public static final String NETWORK = "network";

	/** The show's id. */
	public static final String SHOW = "show";

	/** The account's id, for items read through one of ours. */
	public static final String ACCOUNT = "account";

	/** The author's handle without {@code @}, and their network id (several values). */
	public static final String AUTHOR = "author";

	/** Hashtags without {@code #} (several values). */
	public static final String HASHTAG = "hashtag";

	/** Mentions without {@code @} (several values). */
	public static final String MENTION = "mention";

	/** {@code link} and/or {@code media}, when the item has them. */
	public static final String HAS = "has";

	/** {@code positive}, {@code neutral}, {@code negative}; absent before enrichment. */
	public static final String SENTIMENT = "sentiment";

	/** {@link org.vigie.shared.ItemKind#id()}. */
	public static final String KIND = "kind";

	/** Epoch milliseconds (point, doc values and stored). */
	public static final String CREATED_AT = "created_at";

	private ItemFields() {
	}
}
